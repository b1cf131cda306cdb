import type { SourceLine } from './sourceLines.js'

/** What the joiner knows about the text as a whole. */
export interface JoinContext {
  /** Blank lines are wrapping, not paragraph breaks (see `isHardWrapped`). */
  hardWrapped: boolean
  /** Length of a full line (see `typicalWidth`). */
  width: number
}

const SENTENCE_END = /[.!?…]["»”)]?$/u
const CLAUSE_END = /[;:]$/u
const STARTS_LOWER = /^\p{Ll}/u
const ENDS_IN_WORD = /[\p{L}\p{N}]$/u
const HYPHENATED = /\p{L}[-\u00ad]$/u

/**
 * Whether `next` carries on the paragraph whose last physical line is `previous`, in text that
 * was wrapped into lines by a person, an e-mail client or a PDF viewer.
 */
export const continuesLine = (
  previous: string,
  next: SourceLine,
  context: JoinContext,
): boolean => {
  const lower = STARTS_LOWER.test(next.text)
  // A list of items each closing with ';' or ':' stays a list of paragraphs, unless a full
  // line of hard-wrapped text merely happens to end at a semicolon.
  if (CLAUSE_END.test(previous))
    return context.hardWrapped && lower && previous.length >= context.width * 0.9
  // "г." or "т. е." followed by lower case is an abbreviation, not the end of a sentence.
  if (SENTENCE_END.test(previous)) return lower && !(next.blankBefore && !context.hardWrapped)
  // A blank line is a paragraph break unless the text is hard-wrapped, or it evidently cuts a
  // sentence in two ("…конференции омбудсменов для" / blank / "обсуждения вопроса…").
  if (next.blankBefore && !context.hardWrapped) return lower && ENDS_IN_WORD.test(previous)
  // A short line without closing punctuation ends a block (a title) unless the sentence goes on.
  return lower || previous.length >= context.width * 0.6
}

/** `previous` and `next` as one line: a hyphen cut at the line end joins without a space. */
export const joinLine = (previous: string, next: string): string => {
  if (HYPHENATED.test(previous) && STARTS_LOWER.test(next)) {
    // A soft hyphen was only a break opportunity; a real hyphen ("интернет-правам") stays.
    return previous.endsWith('\u00ad') ? previous.slice(0, -1) + next : previous + next
  }
  return `${previous} ${next}`
}
