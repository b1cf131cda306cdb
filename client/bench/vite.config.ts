import path from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

/** Builds the bare reference page of `npm run bench:browser` into bench/dist. */
export default defineConfig({
  root: path.resolve(import.meta.dirname, 'reference'),
  base: './',
  plugins: [react()],
  logLevel: 'warn',
  build: {
    outDir: path.resolve(import.meta.dirname, 'dist'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
})
