import type { Locator, Page } from 'playwright-core'

/**
 * The text of a block in the editor as its author wrote it: without the clause number labels
 * and other people's named carets that the editor draws inside it.
 */
export const blockText = (block: Locator): Promise<string> =>
  block.evaluate((element) => {
    const copy = element.cloneNode(true) as HTMLElement
    for (const drawn of copy.querySelectorAll('.clause-label, .collaboration-carets__caret')) {
      drawn.remove()
    }
    return copy.textContent ?? ''
  })

/** The tag names of the text's top-level blocks in the page's editor, in order. */
export const pageBlocks = (page: Page): Promise<string[]> =>
  page
    .locator('.ProseMirror')
    .evaluate((editor) => [...editor.children].map((block) => block.tagName.toLowerCase()))
