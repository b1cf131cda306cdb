import { diffWords } from 'diff'
import { BY_TARGET } from './documentUnits.js'
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
  const references = new ReferenceWords(before + after)
  return diffWords(references.hide(before), references.hide(after), {
    intlSegmenter: segmenter,
  }).map((part) => ({
    type: part.added ? 'insert' : part.removed ? 'delete' : 'equal',
    text: references.show(part.value),
  }))
}

/** Private-use characters (plane 15): one stands for each cross-reference while comparing. */
const STAND_IN = /[\u{F0000}-\u{FFFFD}]/gu

/**
 * Cross-references (`[→ id]`) as single words: the segmenter would make "[", "→" and the id
 * words apart, and a changed target would show as a changed id alone, which no label reads.
 * Each reference stands in as one private-use character that neither text holds.
 */
class ReferenceWords {
  private readonly standIns = new Map<string, string>()
  private readonly references = new Map<string, string>()
  private next = 0xf0000

  constructor(private readonly texts: string) {}

  hide(text: string): string {
    return text.replace(BY_TARGET, (reference) => {
      let standIn = this.standIns.get(reference)
      while (standIn === undefined) {
        const candidate = String.fromCodePoint(this.next++)
        if (!this.texts.includes(candidate)) standIn = candidate
      }
      this.standIns.set(reference, standIn)
      this.references.set(standIn, reference)
      return standIn
    })
  }

  show(text: string): string {
    return text.replace(STAND_IN, (c) => this.references.get(c) ?? c)
  }
}
