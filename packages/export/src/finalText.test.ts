import { checkWellFormed, pdfText, validateAkn } from '@accord/test-support'
import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { clauseId, meta, richDeclaration } from '../test/sampleDocuments.js'
import type { ExportMeta } from './ExportMeta.js'
import { exportFileName } from './fileName.js'
import { toAkomaNtoso } from './toAkomaNtoso.js'
import { toDocx } from './toDocx.js'
import { toHtml } from './toHtml.js'
import { toMarkdown } from './toMarkdown.js'
import { toOdt } from './toOdt.js'
import { toPdf } from './toPdf.js'

const FINALIZED = new Date('2025-03-14T10:00:00Z')

/** Every format's text, flattened enough to look for words in it. */
const allFormats = async (m: ExportMeta): Promise<Record<string, string>> => {
  const doc = richDeclaration()
  const docx = strFromU8(unzipSync(await toDocx(doc, m))['word/document.xml'] ?? [])
  const odt = strFromU8(unzipSync(toOdt(doc, m))['content.xml'] ?? [])
  checkWellFormed(docx)
  checkWellFormed(odt)
  const akn = toAkomaNtoso(doc, m)
  validateAkn(akn)
  return {
    docx: [...docx.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
    odt,
    html: toHtml(doc, m),
    md: toMarkdown(doc, m),
    akn,
    pdf: pdfText(await toPdf(doc, m)).replace(/\s+/g, ' '),
  }
}

describe('the final text and review copies', () => {
  const final = (overrides: Partial<ExportMeta> = {}) =>
    meta({ language: 'en', versionName: undefined, final: true, date: FINALIZED, ...overrides })

  it('a final text says "Final text" with the date it was made final, in every format and the file name', async () => {
    for (const [format, text] of Object.entries(await allFormats(final()))) {
      expect(text, format).toContain('Final text')
      expect(text, format).toContain('14 March 2025')
      expect(text, format).not.toContain('Current text')
    }
    expect(exportFileName(final(), 'pdf').fileName).toBe(
      'Декларация Коалиции городов за цифровые права - Final text - 2025-03-14.pdf',
    )
    expect(exportFileName(final({ language: 'ru' }), 'docx').fileName).toBe(
      'Декларация Коалиции городов за цифровые права - Окончательный текст - 2025-03-14.docx',
    )
  })

  it('a review copy (open comments, or tracked suggestions) is named as one; a plain copy is not', async () => {
    const current = { versionName: undefined, language: 'en' as const }
    expect(exportFileName(meta({ ...current, threads: [] }), 'docx').fileName).toBe(
      'Декларация Коалиции городов за цифровые права - Current text - review copy - 2024-10-09.docx',
    )
    expect(exportFileName(meta({ suggestions: 'tracked' }), 'odt').fileName).toBe(
      'Декларация Коалиции городов за цифровые права - Проект 2 - копия для рассмотрения - 2024-10-09.odt',
    )
    expect(exportFileName(meta(current), 'docx').fileName).toBe(
      'Декларация Коалиции городов за цифровые права - Current text - 2024-10-09.docx',
    )
    for (const [format, text] of Object.entries(
      await allFormats(meta({ ...current, threads: [] })),
    )) {
      expect(text, format).toContain('Current text (review copy)')
    }
  })

  it('what a final text carried is its appendix, on its clause, in every format', async () => {
    const carried = {
      suggestions: [
        {
          clauseId: clauseId(richDeclaration(), 2),
          kind: 'replacement' as const,
          author: 'Maria Member',
          at: new Date('2025-03-01T09:00:00Z'),
          deleted: 'old words',
          inserted: 'new words',
        },
      ],
      comments: [
        {
          clauseId: null,
          quote: 'the whole text',
          messages: [{ author: 'Chris', body: 'Left for the next edition', createdAt: FINALIZED }],
        },
      ],
    }
    for (const [format, text] of Object.entries(await allFormats(final({ carried })))) {
      if (format === 'akn') {
        // Akoma Ntoso keeps them as notes, told apart by their class.
        expect(text).toContain('class="carriedSuggestion"')
        expect(text).toContain('class="carriedComment"')
      } else {
        expect(text, format).toContain('Suggestions open when finalized')
        expect(text, format).toContain('Comments open when finalized')
      }
      expect(text, format).toContain('Maria Member')
      expect(text, format).toMatch(/Delete: («|&laquo;|&#171;)old words/)
      expect(text, format).toMatch(/Insert: («|&laquo;|&#171;)new words/)
      expect(text, format).toContain('Left for the next edition')
      expect(text, format).toContain('Article 2')
    }
  })
})
