import { createApp } from 'vue'
import 'element-plus/es/components/message/style/css'
import App from './App.vue'
import { router } from './router.js'
import { loadReference } from './labels.js'

loadReference().finally(() => createApp(App).use(router).mount('#app'))
