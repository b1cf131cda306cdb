import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    // LibreOffice conversions of the test corpus take seconds on a loaded machine.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
})
