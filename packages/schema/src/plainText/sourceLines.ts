/** One non-empty line of pasted text. */
export interface SourceLine {
  /** The line, trimmed, with tabs and no-break spaces made plain spaces. */
  text: string
  /** True when one or more blank lines came before it. */
  blankBefore: boolean
}

/** The non-empty lines of `text`, noting where blank lines were. */
export const sourceLines = (text: string): SourceLine[] => {
  const lines: SourceLine[] = []
  let blankBefore = false
  for (const raw of text.replace(/\r\n?|\f/g, '\n').split('\n')) {
    const line = raw.replace(/[\t\u00a0\u2007\u202f]/g, ' ').trim()
    if (line === '') {
      blankBefore = true
      continue
    }
    lines.push({ text: line, blankBefore: blankBefore && lines.length > 0 })
    blankBefore = false
  }
  return lines
}

const SENTENCE_OR_CLAUSE_END = /[.!?…;:]["»”)]?$/u
const STARTS_LOWER = /^\p{Ll}/u

/**
 * True for text hard-wrapped with a blank line after every line, as PDF viewers copy it: many
 * blank lines fall in the middle of a sentence (the line before has no closing punctuation
 * and the line after starts in lower case). Then blank lines are no paragraph breaks.
 */
export const isHardWrapped = (lines: readonly SourceLine[]): boolean => {
  let blankGaps = 0
  let midSentence = 0
  lines.forEach((line, i) => {
    const previous = lines[i - 1]
    if (!line.blankBefore || !previous) return
    blankGaps += 1
    if (!SENTENCE_OR_CLAUSE_END.test(previous.text) && STARTS_LOWER.test(line.text))
      midSentence += 1
  })
  return blankGaps >= 4 && midSentence / blankGaps >= 0.2
}

/** The width of a full line of this text: the 75th percentile of line lengths. */
export const typicalWidth = (lines: readonly SourceLine[]): number => {
  const lengths = lines.map((line) => line.text.length).sort((a, b) => a - b)
  return lengths[Math.floor(lengths.length * 0.75)] ?? 0
}
