import type { Page } from 'playwright-core'
import { expect } from 'vitest'

/** Waits until every keystroke of the page is on the server (the save indicator says so). */
export const saved = (page: Page) =>
  expect.poll(() => page.getByTestId('save-state').getAttribute('data-state')).toBe('saved')
