/**
 * The glossary as CSV: one row per entry; a column per language for the preferred term
 * (`ru`, `en`, …), a `forbidden:<language>` column for forbidden variants separated by `;`,
 * and `note`. Columns may come in any order; unknown ones are refused, so a file that is
 * not this glossary is not half-read.
 */
import { DOCUMENT_LANGUAGES, isDocumentLanguage } from '@accord/protocol'
import { parse } from 'csv-parse/sync'
import { stringify } from 'csv-stringify/sync'
import type { GlossaryContent } from '../store/GlossaryStore.js'
import { InvalidGlossaryFile } from './InvalidGlossaryFile.js'

const FORBIDDEN = 'forbidden:'

export const parseGlossaryCsv = (text: string): GlossaryContent[] => {
  let rows: string[][]
  try {
    rows = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: false, trim: true })
  } catch (err) {
    throw new InvalidGlossaryFile(`not CSV: ${(err as Error).message.slice(0, 200)}`)
  }
  const [header, ...body] = rows
  if (!header) throw new InvalidGlossaryFile('the file is empty')
  for (const column of header) {
    const name = column.startsWith(FORBIDDEN) ? column.slice(FORBIDDEN.length) : column
    if (column !== 'note' && !isDocumentLanguage(name))
      throw new InvalidGlossaryFile(`unknown column "${column.slice(0, 40)}"`)
  }
  if (!header.some(isDocumentLanguage))
    throw new InvalidGlossaryFile('no column of terms (ru, en, …)')
  return body.flatMap((row) => {
    const entry: GlossaryContent = { terms: {}, forbidden: {}, note: '' }
    header.forEach((column, i) => {
      const value = (row[i] ?? '').trim()
      if (!value) return
      if (column === 'note') entry.note = value.slice(0, 2_000)
      else if (column.startsWith(FORBIDDEN)) {
        const language = column.slice(FORBIDDEN.length)
        if (isDocumentLanguage(language)) {
          const variants = value
            .split(';')
            .map((v) => v.trim().slice(0, 300))
            .filter(Boolean)
          entry.forbidden[language] = variants.slice(0, 50)
        }
      } else if (isDocumentLanguage(column)) entry.terms[column] = value.slice(0, 300)
    })
    return Object.keys(entry.terms).length > 0 ? [entry] : []
  })
}

export const writeGlossaryCsv = (entries: readonly GlossaryContent[]): string => {
  const header = [
    ...DOCUMENT_LANGUAGES,
    ...DOCUMENT_LANGUAGES.map((language) => `${FORBIDDEN}${language}`),
    'note',
  ]
  const rows = entries.map((entry) => [
    ...DOCUMENT_LANGUAGES.map((language) => entry.terms[language] ?? ''),
    ...DOCUMENT_LANGUAGES.map((language) => (entry.forbidden[language] ?? []).join('; ')),
    entry.note,
  ])
  return stringify([header, ...rows])
}
