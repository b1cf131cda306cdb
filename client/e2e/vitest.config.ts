import { defineConfig } from 'vitest/config'

/** Browser tests: a real built server and Debian's Chromium, one file at a time. */
export default defineConfig({
  test: {
    root: import.meta.dirname,
    include: ['**/*.e2e.test.ts'],
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 60_000,
    // A loaded 2-core machine can take seconds to connect a page or relay a change.
    expect: { poll: { timeout: 10_000 } },
  },
})
