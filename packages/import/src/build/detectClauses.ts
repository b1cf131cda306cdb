import type { SourceParagraph } from '../SourceDocument.js'
import { type ClauseMarker, clauseMarker } from './clauseMarker.js'

/** What a paragraph becomes in the Accord document. */
export type ParagraphRole =
  | { role: 'clause' | 'sub'; strip: number }
  /** Numbered below sub-clauses (1.1.1): a body paragraph that keeps its number as text. */
  | { role: 'deep'; label: string }
  | { role: 'none' }

export const plainText = (p: SourceParagraph): string =>
  p.inlines.map((i) => (i.type === 'text' ? i.text : i.type === 'break' ? '\n' : '')).join('')

interface Seen {
  paragraph: SourceParagraph
  text: string
  marker: ClauseMarker | null
}

/**
 * Decides which paragraphs are clauses and sub-clauses, one rule per document, in this
 * order: worded articles ("Статья N", "Article N", "Пункт N"; "N.M" under them are
 * sub-clauses); else Word or ODT list numbering (the numbered list with the most top-level
 * items: level 1 clauses, level 2 sub-clauses, deeper levels stay paragraphs with their
 * number); else hand-typed numbers ("1." or "1)" from 1 on, "1.1" sub-clauses); else sections
 * ("Раздел II", Roman numerals); else heading styles (the highest level used at least twice
 * after the title, and the level below it). Everything before the first clause is the preamble.
 */
export const detectClauses = (paragraphs: readonly SourceParagraph[]): ParagraphRole[] => {
  const seen: Seen[] = paragraphs.map((paragraph) => {
    const text = plainText(paragraph).trim()
    return { paragraph, text, marker: clauseMarker(text) }
  })
  const none: ParagraphRole = { role: 'none' }
  const stripOf = (s: Seen) => {
    const lead = plainText(s.paragraph).length - plainText(s.paragraph).trimStart().length
    return lead + (s.marker?.length ?? 0)
  }

  if (seen.some((s) => s.marker?.kind === 'article')) {
    let inClause = false
    return seen.map((s) => {
      if (s.marker?.kind === 'article') {
        inClause = true
        return { role: 'clause', strip: stripOf(s) }
      }
      if (s.marker?.kind === 'sub' && inClause) return { role: 'sub', strip: stripOf(s) }
      return none
    })
  }

  const topItems = new Map<string, number>()
  for (const s of seen) {
    const n = s.paragraph.numbering
    if (n?.ordered && n.level === 0) topItems.set(n.listId, (topItems.get(n.listId) ?? 0) + 1)
  }
  const [listId, count] = [...topItems.entries()].sort((a, b) => b[1] - a[1])[0] ?? ['', 0]
  if (count >= 2) {
    return seen.map((s) => {
      const n = s.paragraph.numbering
      if (n?.listId !== listId) return none
      if (n.level === 0) return { role: 'clause', strip: 0 }
      if (n.level === 1) return { role: 'sub', strip: 0 }
      return { role: 'deep', label: n.label ?? '' }
    })
  }

  const firstNumbered = seen.find((s) => s.marker?.kind === 'numbered' && /^1[.)]/.test(s.text))
  if (firstNumbered) {
    const delimiter = firstNumbered.marker?.delimiter
    let inClause = false
    return seen.map((s) => {
      if (
        s.marker?.kind === 'numbered' &&
        s.marker.delimiter === delimiter &&
        !s.paragraph.numbering
      ) {
        inClause = true
        return { role: 'clause', strip: stripOf(s) }
      }
      if (s.marker?.kind === 'sub' && inClause) return { role: 'sub', strip: stripOf(s) }
      return none
    })
  }

  if (seen.filter((s) => s.marker?.kind === 'section').length >= 2) {
    return seen.map((s) =>
      s.marker?.kind === 'section' ? { role: 'clause', strip: stripOf(s) } : none,
    )
  }

  // Heading styles: the title (the first paragraph, when it is a heading) does not count.
  const levels = new Map<number, number>()
  seen.forEach((s, i) => {
    const h = s.paragraph.heading
    if (h !== undefined && h > 0 && !(i === firstTextIndex(seen) && h === 1))
      levels.set(h, (levels.get(h) ?? 0) + 1)
  })
  const clauseLevel = [...levels.entries()]
    .filter(([, n]) => n >= 2)
    .map(([l]) => l)
    .sort((a, b) => a - b)[0]
  if (clauseLevel === undefined) return seen.map(() => none)
  return seen.map((s, i) => {
    if (i === firstTextIndex(seen) && s.paragraph.heading === 1 && clauseLevel !== 1) return none
    if (s.paragraph.heading === clauseLevel) return { role: 'clause', strip: 0 }
    if (s.paragraph.heading === clauseLevel + 1) return { role: 'sub', strip: 0 }
    return none
  })
}

const firstTextIndex = (seen: readonly Seen[]): number => seen.findIndex((s) => s.text !== '')
