import { checkWellFormed, pdfText, validateAkn } from '@accord/test-support'
import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { FIELD_WORDS, forbiddenEverywhere, XML_FORBIDDEN_PATTERN } from '../test/sampleDocuments.js'
import { exportDocument } from './exportDocument.js'
import { EXPORT_FORMATS } from './formats.js'

/** The words that every format shows (the suggester's name is not shown by PDF, ODT or Markdown). */
const SHOWN_EVERYWHERE = Object.entries(FIELD_WORDS)
  .filter(([field]) => field !== 'suggester')
  .map(([, word]) => word)

const zipParts = (bytes: Uint8Array): Record<string, string> =>
  Object.fromEntries(
    Object.entries(unzipSync(bytes))
      .filter(([name]) => /\.(xml|rels)$/.test(name))
      .map(([name, data]) => [name, strFromU8(data)]),
  )

const render = async (format: (typeof EXPORT_FORMATS)[number]) => {
  const { json, meta } = forbiddenEverywhere()
  return exportDocument(format, json, meta)
}

describe('characters XML 1.0 forbids, in every field of the document and its metadata', () => {
  it('DOCX: every part is well-formed and free of them; every field keeps its words', async () => {
    const parts = zipParts((await render('docx')).bytes)
    for (const [name, xml] of Object.entries(parts)) {
      expect(xml, name).not.toMatch(XML_FORBIDDEN_PATTERN)
      checkWellFormed(xml)
    }
    const all = Object.values(parts).join('')
    for (const word of [...SHOWN_EVERYWHERE, FIELD_WORDS.suggester]) expect(all).toContain(word)
    expect(parts['word/document.xml']).toContain('😀')
  })

  it('ODT: every part is well-formed and free of them; every field keeps its words', async () => {
    const parts = zipParts((await render('odt')).bytes)
    for (const [name, xml] of Object.entries(parts)) {
      expect(xml, name).not.toMatch(XML_FORBIDDEN_PATTERN)
      checkWellFormed(xml)
    }
    for (const word of SHOWN_EVERYWHERE) expect(parts['content.xml']).toContain(word)
    expect(parts['meta.xml']).toContain(FIELD_WORDS.title)
  })

  it('Akoma Ntoso: valid against the OASIS schema, free of them, every field kept', async () => {
    const xml = strFromU8((await render('akn')).bytes)
    expect(xml).not.toMatch(XML_FORBIDDEN_PATTERN)
    validateAkn(xml)
    for (const word of [...SHOWN_EVERYWHERE, FIELD_WORDS.suggester]) expect(xml).toContain(word)
  })

  it('HTML and Markdown are free of them too, and keep every field', async () => {
    for (const format of ['html', 'md'] as const) {
      const text = strFromU8((await render(format)).bytes)
      expect(text, format).not.toMatch(XML_FORBIDDEN_PATTERN)
      for (const word of SHOWN_EVERYWHERE) expect(text, format).toContain(word)
      expect(text, format).toContain('😀')
    }
  })

  it('PDF shows every field; the file name is free of them in every format', async () => {
    const text = pdfText((await render('pdf')).bytes).replace(/\s+/g, ' ')
    for (const word of SHOWN_EVERYWHERE) expect(text).toContain(word)
    for (const format of EXPORT_FORMATS) {
      const file = await render(format)
      expect(file.fileName).not.toMatch(XML_FORBIDDEN_PATTERN)
      expect(file.fileName).toContain(FIELD_WORDS.title)
    }
  })
})
