import type { Page } from 'playwright-core'

/** Pastes `text` as plain text where the editor's caret or selection is, as Ctrl+V does. */
export const pasteAtCaret = (page: Page, text: string) =>
  page.evaluate((value) => {
    const data = new DataTransfer()
    data.setData('text/plain', value)
    document
      .querySelector('.ProseMirror')
      ?.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
      )
  }, text)

/** Pastes `text` into the editor as plain text, as Ctrl+V from another program does. */
export const pastePlainText = async (page: Page, text: string) => {
  await page.locator('.ProseMirror').click()
  await pasteAtCaret(page, text)
}
