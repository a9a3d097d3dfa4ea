import { createApp } from 'vue'
import App from './App.vue'
import { router } from './router.js'

/**
 * The signed-in console: the top bar with who is signed in, the menu by role (Element Plus), the router and, through
 * it, every screen. The first page (src/main.js) loads it when a person signs in, not before.
 */
export function mountShell(selector) {
  const app = createApp(App).use(router)
  app.mount(selector)
  return app
}
