import { createRequire, syncBuiltinESMExports } from 'node:module'
import { pdfFonts, pdfInfo, pdfText } from '@accord/test-support'
import { describe, expect, it, vi } from 'vitest'
import {
  clauseId,
  meta,
  PRINCIPLES,
  richDeclaration,
  SUBCLAUSE_HEADING,
  sampleDocument,
} from '../test/sampleDocuments.js'
import { toPdf } from './toPdf.js'

/** pdftotext breaks lines where the PDF does; compare words, not lines. */
const flat = (text: string) => text.replace(/\s+/g, ' ')

describe('toPdf', () => {
  it('has a title page, then the clause headings and Cyrillic text, and page numbers', async () => {
    const pdf = await toPdf(richDeclaration(), meta())
    const pages = pdfText(pdf).split('\f')
    expect(flat(pages[0] ?? '').trim()).toBe(
      'Декларация Коалиции городов за цифровые права Версия: Проект 2 9 октября 2024 г.',
    )
    const body = flat(pages.slice(1).join(' '))
    for (const [i, heading] of PRINCIPLES.entries())
      expect(body).toContain(`Статья ${i + 1}. ${heading}`)
    expect(body).toContain(`Статья 1.1. ${SUBCLAUSE_HEADING}`)
    expect(body).toContain('Мы, нижеподписавшиеся города, официально объединяемся')
    expect(body).toContain('• доступ к сети')
    expect(body).toContain('3. публичные консультации')
    const count = pages.filter((page) => page.trim() !== '').length
    expect(count).toBeGreaterThanOrEqual(3)
    expect(pages[1]).toContain(`Страница 2 из ${count}`)
    expect(pages[0]).not.toContain('Страница')
  })

  it('is A4 with its fonts embedded and the document properties set', async () => {
    const pdf = await toPdf(
      sampleDocument('resolution'),
      meta({ title: 'Резолюция & <b>', language: 'en', versionName: undefined }),
    )
    const info = pdfInfo(pdf)
    expect(info).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/)
    expect(info).toMatch(/Title:\s+Резолюция & <b>/)
    expect(info).toMatch(/Subject:\s+Current text/)
    const fonts = pdfFonts(pdf).split('\n').slice(2).filter(Boolean)
    expect(fonts.length).toBeGreaterThan(0)
    // Columns: name, type, encoding, emb, sub, uni: every font embedded and mapped to Unicode.
    for (const font of fonts)
      expect(font).toMatch(/DejaVu\S*\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/)
    expect(flat(pdfText(pdf))).toContain('Page 2 of')
  })

  it('ends with the open comments when asked', async () => {
    const doc = richDeclaration()
    const pdf = await toPdf(
      doc,
      meta({
        threads: [
          {
            clauseId: clauseId(doc, 2),
            quote: 'алгоритмов',
            messages: [
              {
                author: 'Анна',
                body: 'Уточнить формулировку',
                createdAt: new Date('2024-10-10T09:30:00Z'),
              },
            ],
          },
        ],
      }),
    )
    const last = flat(
      pdfText(pdf)
        .split('\f')
        .filter((page) => page.trim())
        .at(-1) ?? '',
    )
    expect(last).toContain('Открытые комментарии Статья 3 «алгоритмов» Анна, 10 октября 2024 г.')
    expect(last).toContain('Уточнить формулировку')
  })

  it('reads each font file once per document, however often the text changes font', async () => {
    // Node's own fs object, and its named exports (pdfkit imports readFileSync by name) made
    // to follow it.
    const fs = createRequire(import.meta.url)('node:fs') as typeof import('node:fs')
    const read = vi.spyOn(fs, 'readFileSync')
    syncBuiltinESMExports()
    try {
      await toPdf(sampleDocument('resolution'), meta())
      const fonts = read.mock.calls.map(([file]) => String(file)).filter((f) => f.endsWith('.ttf'))
      expect(fonts.length).toBeGreaterThan(0)
      expect(fonts).toEqual([...new Set(fonts)])
    } finally {
      read.mockRestore()
      syncBuiltinESMExports()
    }
  })
})
