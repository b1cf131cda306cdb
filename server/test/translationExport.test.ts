import type { AlignmentResponse } from '@accord/protocol'
import { docToJSON } from '@accord/schema'
import { clause, pdfText, validateAkn } from '@accord/test-support'
import { unzipSync } from 'fflate'
import { describe, expect, it, vi } from 'vitest'
import { documentWithTranslation } from './utils/documentWithTranslation.js'
import { writeBody } from './utils/editAs.js'
import { useTestServer } from './utils/useTestServer.js'

const t = useTestServer()

const download = async (id: string, cookie: string, query: string) => {
  const res = await fetch(`${t.url}/api/documents/${id}/export?${query}`, { headers: { cookie } })
  return {
    status: res.status,
    type: res.headers.get('content-type'),
    bytes: new Uint8Array(await res.arrayBuffer()),
  }
}
const asText = (bytes: Uint8Array) => new TextDecoder().decode(bytes)

/** A Russian source of two clauses and its Kazakh translation, with text typed in both. */
const pair = async () => {
  const { coordinator, sourceId, translation } = await documentWithTranslation(t, {
    source: {
      type: 'doc',
      content: [
        clause('scope', 'Сфера', 'Правила применяются к членам.'),
        clause('data', 'Данные', 'Данные защищаются.'),
      ],
    },
    language: 'kk',
    fill: 'source',
  })
  const tr = t.client(translation.id, coordinator.cookie)
  await tr.synced()
  await vi.waitFor(() => expect(docToJSON(tr.doc).content).toHaveLength(2))
  writeBody(tr.doc, {
    type: 'doc',
    content: [
      clause('scope', 'Қолданылу аясы', 'Ережелер мүшелерге қолданылады.'),
      clause('data', 'Деректер', 'Деректер қорғалады.'),
    ],
  })
  await vi.waitFor(
    async () => {
      const res = await t.api<AlignmentResponse>(
        'GET',
        `/api/documents/${translation.id}/alignment`,
        {
          cookie: coordinator.cookie,
        },
      )
      expect(res.body.clauses[1]?.targetText).toBe('Деректер\nДеректер қорғалады.')
    },
    { timeout: 10_000 },
  )
  return { coordinator, sourceId, translation }
}

describe('exporting a translation', () => {
  it('is in its own language, with the same eIds as the source; bilingual copies read back', async () => {
    const { coordinator, sourceId, translation } = await pair()
    const html = asText((await download(translation.id, coordinator.cookie, 'format=html')).bytes)
    expect(html).toContain('<html lang="kk">')
    expect(html.replace(/<[^>]+>/g, '')).toContain('1-бап. Қолданылу аясы')

    const akn = asText((await download(translation.id, coordinator.cookie, 'format=akn')).bytes)
    validateAkn(akn)
    expect(akn).toContain('FRBRlanguage language="kaz"')
    const sourceAkn = asText((await download(sourceId, coordinator.cookie, 'format=akn')).bytes)
    const eIds = (xml: string) => [...xml.matchAll(/<article eId="([^"]+)"/g)].map((m) => m[1])
    expect(eIds(akn)).toEqual(eIds(sourceAkn))
    expect(eIds(akn)).toHaveLength(2)

    const docx = unzipSync(
      (await download(translation.id, coordinator.cookie, 'format=docx')).bytes,
    )
    expect(asText(docx['word/styles.xml'] as Uint8Array)).toContain('w:val="kk-KZ"')

    const bilingualHtml = await download(
      translation.id,
      coordinator.cookie,
      'format=html&bilingual=1',
    )
    expect(bilingualHtml.status).toBe(200)
    const page = asText(bilingualHtml.bytes)
    // Each column's heading carries its own anchor, for that column's cross-references.
    expect(page).toContain('<td lang="ru"><h2 id="clause-source.data">Статья 2. Данные</h2>')
    expect(page).toContain('<td lang="kk"><h2 id="clause-translation.data">2-бап. Деректер</h2>')

    const bilingualDocx = await download(
      translation.id,
      coordinator.cookie,
      'format=docx&bilingual=1',
    )
    expect(bilingualDocx.type).toContain('officedocument.wordprocessingml')
    const body = asText(unzipSync(bilingualDocx.bytes)['word/document.xml'] as Uint8Array)
    expect(body).toContain('Данные защищаются.')
    expect(body).toContain('Деректер қорғалады.')

    const bilingualPdf = await download(
      translation.id,
      coordinator.cookie,
      'format=pdf&bilingual=1',
    )
    const flat = pdfText(bilingualPdf.bytes).replace(/\s+/g, ' ')
    expect(flat).toContain('Данные защищаются.')
    expect(flat).toContain('Деректер қорғалады.')
    // Eight exports (PDFs in worker threads among them): minutes on a loaded 2-core machine.
  }, 120_000)

  it('refuses a bilingual copy of a source, or in a format without one', async () => {
    const { coordinator, sourceId, translation } = await pair()
    const ofSource = await download(sourceId, coordinator.cookie, 'format=html&bilingual=1')
    expect(ofSource.status).toBe(409)
    expect(JSON.parse(asText(ofSource.bytes)).error.code).toBe('not_a_translation')
    const markdown = await download(translation.id, coordinator.cookie, 'format=md&bilingual=1')
    expect(markdown.status).toBe(400)
    const wrongFlag = await download(
      translation.id,
      coordinator.cookie,
      'format=html&bilingual=yes',
    )
    expect(wrongFlag.status).toBe(400)
  })
})
