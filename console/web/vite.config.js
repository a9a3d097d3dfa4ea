import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { constants, gzipSync } from 'node:zlib'
import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import Components from 'unplugin-vue-components/vite'
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers'

// Each script and style sheet gzipped once, at build time, beside the file: the console sends the .gz as it is
// (console/src/main/java/org/threelists/console/config/PrecompressedAssets.java) instead of compressing on every request.
function precompress() {
  let assets
  return {
    name: 'threelists-precompress',
    apply: 'build',
    configResolved(config) {
      assets = resolve(config.root, config.build.outDir, config.build.assetsDir)
    },
    closeBundle() {
      for (const name of readdirSync(assets).filter((n) => /\.(js|css|svg)$/.test(n))) {
        const file = join(assets, name)
        writeFileSync(`${file}.gz`, gzipSync(readFileSync(file), { level: constants.Z_BEST_COMPRESSION }))
      }
    },
  }
}

// Element Plus components (and their styles) are imported where a template uses them, so the first page carries
// only what it shows; ECharts and the desk's screens come with the routes that need them (dynamic imports).
export default defineConfig({
  plugins: [
    vue(),
    Components({ resolvers: [ElementPlusResolver()], dts: false }),
    precompress(),
  ],
  build: {
    // the Maven build passes --outDir target/classes/META-INF/resources; `npm run build` alone writes dist/
    outDir: 'dist',
    chunkSizeWarningLimit: 600,
    // every browser the console supports knows <link rel="modulepreload">: no polyfill in the first page's script
    modulePreload: { polyfill: false },
  },
  server: {
    // `npm run dev` against a console running on 8080 (./run-local.sh)
    proxy: { '/api': 'http://localhost:8080', '/console': 'http://localhost:8080' },
  },
})
