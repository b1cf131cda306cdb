/** What a numbered heading line says: "Статья 3. Title", "Section II", "2. Title", "2.1 Text". */
export interface HeadingMarker {
  /**
   * 'article': Статья/Article/Art. N; 'section': Раздел/Глава/Section/Chapter/Part/§ N;
   * 'numbered': "N." or "N)"; 'sub': "N.M" (a sub-clause).
   */
  kind: 'article' | 'section' | 'numbered' | 'sub'
  /** The number as written: '3', 'II', or for 'sub' the clause's number ('2' of '2.1'). */
  number: string
  /** For 'sub', the sub-clause's own number (1 of '2.1'). */
  subNumber?: number
  /** For 'numbered', what follows the number: '.' or ')'. */
  delimiter?: '.' | ')'
  /** The text after the marker (may be empty). */
  rest: string
}

/** A word (or §) and a number: "Статья 3.", "СТАТЬЯ 3", "Article IV", "Раздел II", "§ 2". */
const WORDED = /^(\p{L}+\.?|§)\s*(\d{1,4}(?:\.\d{1,3})?|[IVXLC]{1,7})\.?(?:\s+|$)(.*)$/u
const ARTICLE_WORDS = new Set(['статья', 'article', 'art.'])
// Not "часть": in Russian law that is a numbered part of an article, not a division of the text.
const SECTION_WORDS = new Set(['раздел', 'глава', 'section', 'chapter', 'part', '§'])
const SUB = /^(\d{1,3})\.(\d{1,3})[.)]?\s+(\S.*)$/u
const NUMBERED = /^(\d{1,3})([.)])\s+(\S.*)$/u

const wordedMarker = (line: string): HeadingMarker | null => {
  const match = WORDED.exec(line)
  if (!match) return null
  const [, word = '', number = '', rest = ''] = match
  const kind = word.toLowerCase()
  if (SECTION_WORDS.has(kind)) return { kind: 'section', number, rest: rest.trim() }
  if (!ARTICLE_WORDS.has(kind)) return null
  // "Статья 3.1" is a sub-clause of article 3 in documents that number them so.
  const [major = number, minor] = number.split('.')
  return minor === undefined
    ? { kind: 'article', number, rest: rest.trim() }
    : { kind: 'sub', number: major, subNumber: Number(minor), rest: rest.trim() }
}

/** The heading marker at the start of `line`, or null. */
export const headingMarker = (line: string): HeadingMarker | null => {
  const worded = wordedMarker(line)
  if (worded) return worded
  const sub = SUB.exec(line)
  if (sub) {
    const [, major = '', minor = '', rest = ''] = sub
    return { kind: 'sub', number: major, subNumber: Number(minor), rest: rest.trim() }
  }
  const numbered = NUMBERED.exec(line)
  if (numbered) {
    const [, number = '', delimiter = '.', rest = ''] = numbered
    return { kind: 'numbered', number, delimiter: delimiter === ')' ? ')' : '.', rest: rest.trim() }
  }
  return null
}

/** A list item line: "- text", "• text" (bullet) or "1) text" (ordered). */
export interface ListMarker {
  ordered: boolean
  /** For ordered items, the number written. */
  number?: number
  rest: string
}

const BULLET = /^[-–—•*·▪◦]\s+(\S.*)$/u
const ORDERED = /^(\d{1,3})[.)]\s+(\S.*)$/u

/** The list marker at the start of `line`, or null. */
export const listMarker = (line: string): ListMarker | null => {
  const bullet = BULLET.exec(line)
  if (bullet) return { ordered: false, rest: bullet[1] ?? '' }
  const ordered = ORDERED.exec(line)
  if (ordered) return { ordered: true, number: Number(ordered[1]), rest: ordered[2] ?? '' }
  return null
}
