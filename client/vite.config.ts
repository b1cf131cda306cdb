import react from '@vitejs/plugin-react'
import { defineConfig } from 'vitest/config'

/** The API server that `npm run dev` proxies to (the server's default PORT and HOST). */
const apiServer = 'http://127.0.0.1:3000'

export default defineConfig({
  plugins: [react()],
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
  },
  test: {
    // Browser specs in e2e/ belong to Playwright, not vitest.
    include: ['src/**/*.test.ts'],
  },
})
