import type { Page } from 'playwright-core'
import { selectionSettled } from './selectionSettled'

/** Selects `words` inside the editor's paragraph that begins with `paragraph`. */
export const selectWords = async (page: Page, paragraph: string, words: string) => {
  await page.locator('.ProseMirror').click()
  await page.evaluate(
    ([start, wanted]) => {
      const block = [...document.querySelectorAll('.ProseMirror p')].find((p) =>
        (p.textContent ?? '').startsWith(start as string),
      )
      if (!block) throw new Error(`no paragraph begins "${start}"`)
      // The words may span several text nodes (a highlight splits them).
      const nodes: Text[] = []
      const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT)
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        // Another person's caret (with their name) is drawn inside the text, not part of it.
        if (!node.parentElement?.closest('.collaboration-carets__caret')) nodes.push(node as Text)
      }
      const at = nodes
        .map((n) => n.data)
        .join('')
        .indexOf(wanted as string)
      if (at < 0) throw new Error(`"${wanted}" is not in the paragraph beginning "${start}"`)
      const place = (offset: number): [Text, number] => {
        let rest = offset
        for (const node of nodes) {
          if (rest <= node.data.length) return [node, rest]
          rest -= node.data.length
        }
        throw new Error('offset beyond the paragraph')
      }
      const range = document.createRange()
      range.setStart(...place(at))
      range.setEnd(...place(at + (wanted as string).length))
      document.getSelection()?.removeAllRanges()
      document.getSelection()?.addRange(range)
    },
    [paragraph, words],
  )
  await selectionSettled(page, words)
}
