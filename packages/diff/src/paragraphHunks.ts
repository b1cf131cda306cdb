import type { TextChange } from './types.js'

/** Paragraphs of a unit's body are separated by a blank line (see documentUnits). */
const PARAGRAPH_BREAK = '\n\n'

/** One paragraph's changes, or a stretch of unchanged paragraphs left out. */
export type ParagraphHunk =
  | { kind: 'paragraph'; index: number; changes: TextChange[] }
  | { kind: 'gap'; from: number; count: number }

/** The changes of a body cut at its paragraph breaks (a break inside a change cuts it too). */
export const splitParagraphs = (changes: readonly TextChange[]): TextChange[][] => {
  const paragraphs: TextChange[][] = [[]]
  for (const change of changes) {
    change.text.split(PARAGRAPH_BREAK).forEach((text, i) => {
      if (i > 0) paragraphs.push([])
      if (text) paragraphs.at(-1)?.push({ type: change.type, text })
    })
  }
  return paragraphs
}

const isChanged = (paragraph: readonly TextChange[]) =>
  paragraph.some((change) => change.type !== 'equal')

/**
 * The paragraphs of a body that changed, each with `context` unchanged paragraphs around it;
 * the rest become gaps that say how many paragraphs they leave out.
 */
export const changedParagraphs = (changes: readonly TextChange[], context = 1): ParagraphHunk[] => {
  const paragraphs = splitParagraphs(changes)
  const shown = paragraphs.map((_, i) =>
    paragraphs
      .slice(Math.max(0, i - context), i + context + 1)
      .some((neighbour) => isChanged(neighbour)),
  )
  const hunks: ParagraphHunk[] = []
  for (const [index, paragraph] of paragraphs.entries()) {
    const last = hunks.at(-1)
    if (shown[index]) hunks.push({ kind: 'paragraph', index, changes: paragraph })
    else if (last?.kind === 'gap') last.count++
    else hunks.push({ kind: 'gap', from: index, count: 1 })
  }
  return hunks
}
