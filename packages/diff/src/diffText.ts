import { diffWords } from 'diff'
import type { TextChange } from './types.js'

const segmenters = new Map<string, Intl.Segmenter>()

/**
 * Word-level changes between two texts. Words are found by Intl.Segmenter for the
 * document's language: jsdiff's default splitting breaks Cyrillic words apart.
 */
export const diffText = (before: string, after: string, locale = 'ru'): TextChange[] => {
  if (before === after) return before ? [{ type: 'equal', text: before }] : []
  let segmenter = segmenters.get(locale)
  if (!segmenter) {
    segmenter = new Intl.Segmenter(locale, { granularity: 'word' })
    segmenters.set(locale, segmenter)
  }
  return diffWords(before, after, { intlSegmenter: segmenter }).map((part) => ({
    type: part.added ? 'insert' : part.removed ? 'delete' : 'equal',
    text: part.value,
  }))
}
