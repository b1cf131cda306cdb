import {
  convertFileWithLibreOffice,
  NOTES,
  pdfText,
  skipWithoutLibreOffice,
  tableDocument,
} from '@accord/test-support'
import { describe, expect, it } from 'vitest'
import { bilingualPair } from '../test/bilingualSample.js'
import {
  FIELD_WORDS,
  forbiddenEverywhere,
  meta,
  PRINCIPLES,
  richDeclaration,
  SUBCLAUSE_HEADING,
} from '../test/sampleDocuments.js'
import { toBilingualDocx } from './bilingual/toBilingualDocx.js'
import { toDocx } from './toDocx.js'
import { toOdt } from './toOdt.js'

/**
 * A real office suite opens the DOCX and ODT exports and prints them to PDF, whose text must
 * hold the document. Runs wherever LibreOffice is installed; CI sets ACCORD_LIBREOFFICE=1 so
 * that a missing install fails instead of skipping.
 */
describe.skipIf(skipWithoutLibreOffice())('LibreOffice reads the office exports', () => {
  const convert = async (name: string, bytes: Uint8Array): Promise<string> =>
    pdfText(await convertFileWithLibreOffice(name, bytes, 'pdf')).replace(/\s+/g, ' ')

  const expectDocument = (text: string) => {
    expect(text).toContain('Декларация Коалиции городов за цифровые права')
    for (const [i, heading] of PRINCIPLES.entries())
      expect(text).toContain(`Статья ${i + 1}. ${heading}`)
    expect(text).toContain(`Статья 1.1. ${SUBCLAUSE_HEADING}`)
    expect(text).toContain('Мы, нижеподписавшиеся города, официально объединяемся')
  }

  /** The table's cells and both footnotes, as the office suite prints them. */
  const expectTableAndNotes = (text: string) => {
    for (const word of [
      'Термин',
      'Значение',
      'Омбудсмен',
      'Уполномоченный по правам',
      'Город-участник',
    ])
      expect(text).toContain(word)
    for (const note of NOTES) expect(text).toContain(note)
  }

  it('opens the table and the footnotes of the DOCX and the ODT', async () => {
    expectTableAndNotes(await convert('table.docx', await toDocx(tableDocument(), meta())))
    expectTableAndNotes(await convert('table.odt', await toOdt(tableDocument(), meta())))
  }, 240_000)

  it('opens the DOCX', async () => {
    expectDocument(await convert('export.docx', await toDocx(richDeclaration(), meta())))
  }, 180_000)

  it('opens the bilingual DOCX', async () => {
    const { source, target } = bilingualPair()
    const text = await convert('bilingual.docx', await toBilingualDocx(source, target))
    for (const words of ['Статья 2. Персональные данные', 'Article 2. Personal data'])
      expect(text).toContain(words)
  }, 180_000)

  it('opens the ODT', async () => {
    expectDocument(await convert('export.odt', toOdt(richDeclaration(), meta())))
  }, 180_000)

  it('opens a DOCX and an ODT whose every field held characters XML forbids', async () => {
    const { json, meta: given } = forbiddenEverywhere()
    for (const text of [
      await convert('forbidden.docx', await toDocx(json, given)),
      await convert('forbidden.odt', toOdt(json, given)),
    ]) {
      for (const field of ['title', 'clauseHeading', 'paragraph', 'commentBody'] as const)
        expect(text).toContain(FIELD_WORDS[field])
    }
  }, 180_000)
})
