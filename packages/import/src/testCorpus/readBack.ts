import type { JSONContent } from '@tiptap/core'

export interface SeenSuggestion {
  kind: string
  author: string
  at: string
  text: string
}

/** The suggestions of a document, in reading order, each with all its text. */
export const suggestionsOf = (doc: JSONContent): SeenSuggestion[] => {
  const byId = new Map<string, SeenSuggestion>()
  const walk = (node: JSONContent) => {
    for (const mark of node.marks ?? []) {
      if (mark.type !== 'insertion' && mark.type !== 'deletion') continue
      const id = String(mark.attrs?.id)
      const seen = byId.get(id) ?? {
        kind: mark.type,
        author: String(mark.attrs?.authorName),
        at: String(mark.attrs?.at),
        text: '',
      }
      seen.text += node.type === 'text' ? (node.text ?? '') : '\n'
      byId.set(id, seen)
    }
    for (const child of node.content ?? []) walk(child)
  }
  walk(doc)
  return [...byId.values()]
}

/** Text as the comparison shows it: a footnote as `[^its text]`, a table row by row, cells apart by ' | '. */
const textOf = (node: JSONContent): string => {
  if (node.type === 'text') return node.text ?? ''
  const inner = (node.content ?? []).map(textOf)
  if (node.type === 'footnote') return `[^${inner.join('')}]`
  if (node.type === 'tableRow') return inner.join(' | ')
  if (node.type === 'table') return inner.join('\n')
  return inner.join('')
}

/** Each clause as its heading and the text of its body, sub-clauses nested. */
export const clausesOf = (doc: JSONContent): { heading: string; body: string; subs: string[] }[] =>
  (doc.content ?? [])
    .filter((n) => n.type === 'clause')
    .map((clause) => {
      const [heading, ...rest] = clause.content ?? []
      return {
        heading: heading ? textOf(heading) : '',
        body: rest
          .filter((n) => n.type !== 'subclause')
          .map(textOf)
          .join('\n'),
        subs: rest.filter((n) => n.type === 'subclause').map((n) => textOf(n.content?.[0] ?? {})),
      }
    })

/** The top-level blocks before the first clause, as text. */
export const preambleOf = (doc: JSONContent): string[] => {
  const out: string[] = []
  for (const node of doc.content ?? []) {
    if (node.type === 'clause') break
    out.push(textOf(node))
  }
  return out
}

/**
 * The lists of a document as their shape: `ul(…)`, `ol4(…)` for an ordered list starting at
 * 4, items apart by "; ", an item's paragraphs and the lists inside it apart by spaces.
 * Where `listOutline` shows how items read, this shows which list each stands in.
 */
export const listShape = (node: JSONContent): string => {
  if (node.type === 'bulletList' || node.type === 'orderedList') {
    const tag = node.type === 'orderedList' ? `ol${Number(node.attrs?.start ?? 1)}` : 'ul'
    const items = (node.content ?? []).map((item) =>
      (item.content ?? [])
        .map((b) => (b.type === 'paragraph' ? textOf(b) : listShape(b)))
        .join(' '),
    )
    return `${tag}(${items.join('; ')})`
  }
  return (node.content ?? [])
    .map(listShape)
    .filter((s) => s !== '')
    .join(' ')
}
