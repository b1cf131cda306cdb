import type { HeadingMarker } from './lineMarkers.js'

/** Which headings of the text become clauses. */
export type ClauseKind =
  | { kind: 'article' }
  | { kind: 'section' }
  | { kind: 'numbered'; delimiter: '.' | ')' }
  | null

/**
 * Articles win when there are any ("1." lines inside them are lists); otherwise "1." / "1)"
 * headings in the style of the first one numbered 1; otherwise sections.
 */
export const clauseKindOf = (markers: readonly (HeadingMarker | null)[]): ClauseKind => {
  if (markers.some((m) => m?.kind === 'article')) return { kind: 'article' }
  const first = markers.find((m) => m?.kind === 'numbered' && m.number === '1')
  if (first?.delimiter) return { kind: 'numbered', delimiter: first.delimiter }
  if (markers.some((m) => m?.kind === 'section')) return { kind: 'section' }
  return null
}
