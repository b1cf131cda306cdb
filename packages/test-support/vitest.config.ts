import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    // Each test starts LibreOffice cold: tens of seconds on a loaded 2-core machine.
    testTimeout: 240_000,
  },
})
