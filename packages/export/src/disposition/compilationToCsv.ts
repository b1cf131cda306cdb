import type { Compilation, Language } from '@accord/protocol'
import { compilationCells, compilationHeadings } from './compilationColumns.js'

/**
 * A spreadsheet program would run a cell that starts like a formula (OWASP "CSV injection");
 * a leading apostrophe makes it text, as spreadsheets themselves do.
 */
const FORMULA_START = /^[=+\-@\t\r]/

/** RFC 4180: every field quoted, quotes doubled, so commas and line breaks stay inside. */
const field = (text: string): string =>
  `"${(FORMULA_START.test(text) ? `'${text}` : text).replaceAll('"', '""')}"`

/**
 * The compilation of comments as CSV: a byte-order mark (so spreadsheet programs read the
 * UTF-8 Cyrillic right), a heading row, then one line per row, CRLF-terminated.
 */
export const compilationToCsv = (compilation: Compilation, language: Language): Uint8Array => {
  const lines = [
    compilationHeadings(language),
    ...compilation.rows.map((row) => compilationCells(row, language)),
  ].map((cells) => `${cells.map(field).join(',')}\r\n`)
  return new TextEncoder().encode(`\uFEFF${lines.join('')}`)
}
