import type { Page } from 'playwright-core'

/** The editor Tiptap keeps on its editable element, as far as these helpers use it. */
interface TiptapLike {
  view: { focus(): void }
  commands: { setTextSelection(at: number | { from: number; to: number }): boolean }
  state: {
    doc: {
      descendants(
        f: (
          node: { isTextblock: boolean; textContent: string; nodeSize: number },
          pos: number,
        ) => unknown,
      ): void
    }
  }
}

export interface TextBlock {
  /** Positions of the block's first and last caret places. */
  from: number
  to: number
  text: string
}

/** The page's text blocks (paragraphs, headings, list items' paragraphs), in order. */
export const textBlocks = (page: Page): Promise<TextBlock[]> =>
  page.evaluate(() => {
    const editor = (document.querySelector('.ProseMirror') as unknown as { editor: TiptapLike })
      .editor
    const blocks: TextBlock[] = []
    editor.state.doc.descendants((node, pos) => {
      if (!node.isTextblock) return true
      blocks.push({ from: pos + 1, to: pos + node.nodeSize - 1, text: node.textContent })
      return false
    })
    return blocks
  })

/**
 * Puts the page's caret at `at`, or selects the range `at`, exactly, and focuses the editor at
 * once (Tiptap's focus command waits for an animation frame, and the first keystrokes would go
 * nowhere).
 */
export const putCaret = (page: Page, at: number | { from: number; to: number }): Promise<void> =>
  page.evaluate((at) => {
    const editor = (document.querySelector('.ProseMirror') as unknown as { editor: TiptapLike })
      .editor
    editor.commands.setTextSelection(at)
    editor.view.focus()
  }, at)

/** Puts the caret `offset` characters into the page's text block that starts with `text`. */
export const caretIn = async (page: Page, text: string, offset: number) => {
  const block = (await textBlocks(page)).find((candidate) => candidate.text.startsWith(text))
  if (!block) throw new Error(`no paragraph starting "${text}"`)
  await putCaret(page, block.from + offset)
}
