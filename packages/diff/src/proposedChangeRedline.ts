import { diffText } from './diffText.js'
import type { TextChange } from './types.js'

/**
 * A comment's proposed change as a redline against the quoted words it replaces: word by
 * word, what goes (deleted) and what comes (inserted). Null when there is no quote to
 * replace or nothing proposed: the proposed change then stands on its own.
 */
export const proposedChangeRedline = (
  quote: string,
  proposedChange: string | null,
  locale?: string,
): TextChange[] | null =>
  quote.trim() && proposedChange?.trim() ? diffText(quote, proposedChange, locale) : null
