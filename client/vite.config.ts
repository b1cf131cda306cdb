import react from '@vitejs/plugin-react'
import { compression } from 'vite-plugin-compression2'
import { VitePWA } from 'vite-plugin-pwa'
import { defineConfig } from 'vitest/config'

/** The API server that `npm run dev` proxies to (the server's default PORT and HOST). */
const apiServer = 'http://127.0.0.1:3000'

export default defineConfig({
  plugins: [
    react(),
    // The service worker (built only by `vite build`; src/offline/registerServiceWorker.ts
    // registers it) precaches the built client so the app opens offline. Each build's
    // precache is versioned by content hashes; a new build's worker replaces the old files.
    VitePWA({
      strategies: 'generateSW',
      injectRegister: false,
      manifest: false,
      workbox: {
        globPatterns: ['**/*.{html,js,css,woff,woff2,ttf,svg,png}'],
        cleanupOutdatedCaches: true,
        clientsClaim: true,
        skipWaiting: true,
        // No cache-first shell: navigations go to the server, and only when it cannot be
        // reached is the precached index.html shown. No /api answer is ever cached.
        navigateFallback: null,
        runtimeCaching: [
          {
            urlPattern: ({ request, url }) =>
              request.mode === 'navigate' && !/^\/(api|collab)\//.test(url.pathname),
            handler: 'NetworkOnly',
            options: { precacheFallback: { fallbackURL: 'index.html' } },
          },
        ],
      },
    }),
    // Each text file of the build also as .br and .gz beside it, compressed once here at the
    // highest levels; the server sends the one the browser accepts (express-static-gzip), so
    // no request pays for compression and the scripts travel at about a third of their size.
    compression({
      algorithms: ['brotliCompress', 'gzip'],
      include: /\.(js|css|html|json|svg|ttf|webmanifest)$/,
      threshold: 1024,
      skipIfLargerOrEqual: true,
    }),
  ],
  server: {
    proxy: {
      '/api': apiServer,
      '/collab': { target: apiServer, ws: true },
    },
  },
  build: {
    outDir: 'dist',
    // The editor chunk (Tiptap, ProseMirror, Yjs: ~530 kB) loads only when a document opens
    // (React.lazy in src/app/App.tsx), so its size does not slow the first page.
    chunkSizeWarningLimit: 800,
    rollupOptions: {
      treeshake: {
        // The plain-text parser (@accord/schema/textToDocument) without side effects on import,
        // so that it leaves the editor's chunk for its own, loaded on the first paste: the
        // schema's index re-exports it, and a module it imports would otherwise stay on the
        // first path.
        moduleSideEffects: [
          { test: /packages\/schema\/dist\/(textToDocument\.js|plainText\/)/, sideEffects: false },
        ],
      },
    },
  },
  test: {
    // Browser specs in e2e/ belong to Playwright, not vitest.
    include: ['src/**/*.test.ts'],
  },
})
