import type { Inline, SourceDocument, SourceParagraph } from '../SourceDocument.js'

/**
 * Tables and footnotes as paragraphs, until the document schema has tables and notes of its
 * own: a row becomes one paragraph with its cells separated by " | ", a footnote reference
 * becomes "[n]" and the notes follow the text (after the last clause) as "[n] …" paragraphs. Formatting, comments
 * and tracked changes inside them are kept.
 */
export const flattenBlocks = (
  source: SourceDocument,
): {
  paragraphs: SourceParagraph[]
  notes: SourceParagraph[]
  tables: number
  footnotes: number
} => {
  const numbers = new Map<string, number>()
  const withNotes = (inlines: Inline[]): Inline[] =>
    inlines.map((inline) => {
      if (inline.type !== 'noteRef') return inline
      if (!source.footnotes.has(inline.id)) return { type: 'text', text: '', marks: {} }
      let n = numbers.get(inline.id)
      if (n === undefined) {
        n = numbers.size + 1
        numbers.set(inline.id, n)
      }
      return { type: 'text', text: `[${n}]`, marks: {} }
    })
  const paragraphs: SourceParagraph[] = []
  let tables = 0
  for (const block of source.blocks) {
    if (block.type === 'paragraph') {
      paragraphs.push({ ...block, inlines: withNotes(block.inlines) })
      continue
    }
    tables++
    for (const row of block.rows) {
      const inlines: Inline[] = []
      row.forEach((cell, i) => {
        if (i > 0) inlines.push({ type: 'text', text: ' | ', marks: {} })
        cell.forEach((p, j) => {
          if (j > 0) inlines.push({ type: 'text', text: ' ', marks: {} })
          inlines.push(...withNotes(p.inlines))
        })
      })
      paragraphs.push({ type: 'paragraph', inlines })
    }
  }
  // Notes in the order the text refers to them; a note may refer to another one.
  const notes: SourceParagraph[] = []
  for (let i = 0; i < numbers.size; i++) {
    const [id, n] = [...numbers.entries()][i] ?? []
    const note = id === undefined ? undefined : source.footnotes.get(id)
    note?.forEach((p, j) => {
      const prefix: Inline[] = j === 0 ? [{ type: 'text', text: `[${n}] `, marks: {} }] : []
      notes.push({ type: 'paragraph', inlines: [...prefix, ...withNotes(p.inlines)] })
    })
  }
  return { paragraphs, notes, tables, footnotes: numbers.size }
}
