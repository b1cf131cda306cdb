import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    // The checks run xmllint (the Akoma Ntoso schema is large), pdftotext and, when asked,
    // LibreOffice as child processes: on a loaded 2-core machine one validation alone can
    // take over a second, and a test makes several.
    testTimeout: 30_000,
  },
})
