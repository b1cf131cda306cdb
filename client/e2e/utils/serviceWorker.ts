import type { Page } from 'playwright-core'
import { expect } from 'vitest'

/** Waits until the site's service worker is active for `page`'s browser (it may not control `page` yet). */
export const serviceWorkerActive = (page: Page) =>
  expect
    .poll(
      () => page.evaluate(async () => (await navigator.serviceWorker.ready).active?.state ?? null),
      { timeout: 30_000 },
    )
    .toBe('activated')
