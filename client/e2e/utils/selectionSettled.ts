import type { Page } from 'playwright-core'
import { expect } from 'vitest'

/**
 * Waits until the browser's selection reads `text` and the editor has taken it: ProseMirror
 * reads the selection on the asynchronous selectionchange event, a frame later.
 */
export const selectionSettled = async (page: Page, text: string): Promise<void> => {
  await expect.poll(() => page.evaluate(() => document.getSelection()?.toString())).toBe(text)
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  )
}

/** Selects, with Shift+ArrowLeft, the characters before the caret that read `text`. */
export const selectBack = async (page: Page, text: string): Promise<void> => {
  for (let i = 0; i < text.length; i++) await page.keyboard.press('Shift+ArrowLeft')
  await selectionSettled(page, text)
}
