import { createApp } from 'vue'
import 'element-plus/es/components/message/style/css'
import App from './App.vue'
import { homeOf, router } from './router.js'
import { loadReference } from './labels.js'
import { finishProviderSignIn, prefetchSignIn, session } from './auth/index.js'

// Coming back from the identity provider (?code=…&state=…): finish signing in before the router decides where to go,
// then drop the code from the address bar and history.
async function start() {
  const returned = await finishProviderSignIn()
  if (returned !== undefined) {
    window.history.replaceState(null, '', `${window.location.pathname}#${returned ? homeOf(returned.role) : '/sign-in'}`)
  }
  if (!session.identity) {
    // the sign-in page comes next: its chunk and its data load beside the reference data, not after it
    import('./views/SignIn.vue')
    prefetchSignIn()
  }
  await loadReference()
}

start().finally(() => createApp(App).use(router).mount('#app'))
