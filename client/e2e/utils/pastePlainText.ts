import type { Page } from 'playwright-core'

/** Pastes `text` into the editor as plain text, as Ctrl+V from another program does. */
export const pastePlainText = async (page: Page, text: string) => {
  await page.locator('.ProseMirror').click()
  await page.evaluate((value) => {
    const data = new DataTransfer()
    data.setData('text/plain', value)
    document
      .querySelector('.ProseMirror')
      ?.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
      )
  }, text)
}
