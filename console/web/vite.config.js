import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import Components from 'unplugin-vue-components/vite'
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers'

// Element Plus components (and their styles) are imported where a template uses them, so the first page carries
// only what it shows; ECharts and the desk's screens come with the routes that need them (dynamic imports).
export default defineConfig({
  plugins: [
    vue(),
    Components({ resolvers: [ElementPlusResolver()], dts: false }),
  ],
  build: {
    // the Maven build passes --outDir target/classes/META-INF/resources; `npm run build` alone writes dist/
    outDir: 'dist',
    chunkSizeWarningLimit: 600,
  },
  server: {
    // `npm run dev` against a console running on 8080 (./run-local.sh)
    proxy: { '/api': 'http://localhost:8080', '/console': 'http://localhost:8080' },
  },
})
