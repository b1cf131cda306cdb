import { headingMarker } from '@accord/schema'

/** A number or word that opens a paragraph and makes it a clause or sub-clause. */
export interface ClauseMarker {
  /** 'article': Статья/Article/Пункт N; 'section': Раздел/Глава/Section or a Roman numeral. */
  kind: 'article' | 'section' | 'numbered' | 'sub'
  delimiter?: '.' | ')'
  /** How many characters of the paragraph's text the marker takes (numbers are computed, so it goes). */
  length: number
}

const PUNKT = /^(пункт|п\.)\s*\d{1,4}\.?(?:\s+|$)/iu
const ROMAN = /^[IVXLC]{1,7}\.\s+(?=\S)/u

/**
 * The clause marker a paragraph's text starts with, as people type them: "Статья 3.",
 * "Article IV", "Пункт 2", "Раздел II", "IV. Title", "1. Title", "1) …", "1.1 …". Shared
 * with plain-text paste (`headingMarker` of @accord/schema) so both read a draft alike.
 */
export const clauseMarker = (text: string): ClauseMarker | null => {
  const punkt = PUNKT.exec(text)
  if (punkt) return { kind: 'article', length: punkt[0].length }
  const roman = ROMAN.exec(text)
  if (roman) return { kind: 'section', length: roman[0].length }
  const marker = headingMarker(text)
  if (!marker) return null
  return {
    kind: marker.kind,
    ...(marker.delimiter ? { delimiter: marker.delimiter } : {}),
    length: text.length - marker.rest.length,
  }
}
