import { pdfObjects, pdfText, qpdfCheck } from '@accord/test-support'
import type { JSONContent } from '@tiptap/core'
import { describe, expect, it } from 'vitest'
import { meta } from '../test/sampleDocuments.js'
import { toPdf } from './toPdf.js'

const FILLER =
  'Каждый участник обеспечивает доступ к информации о своей деятельности, публикует отчёты и отвечает на запросы граждан в установленные сроки.'

/** Sixty paragraphs over some pages; every seventh has a footnote right after its first words. */
const longDocument = (): JSONContent => ({
  type: 'doc',
  content: [
    {
      type: 'clause',
      attrs: { id: 'c1' },
      content: [
        { type: 'clauseHeading', content: [{ type: 'text', text: 'Открытость' }] },
        ...Array.from({ length: 60 }, (_, i) => ({
          type: 'paragraph',
          content: [
            { type: 'text', text: `Абзац ${i + 1}.` },
            ...(i % 7 === 3
              ? [
                  {
                    type: 'footnote',
                    content: [{ type: 'text', text: `Примечание к абзацу ${i + 1}.` }],
                  },
                ]
              : []),
            { type: 'text', text: ` ${FILLER} ${FILLER}` },
          ],
        })),
      ],
    },
  ],
})

describe('PDF footnotes', () => {
  it('stand at the foot of the page where their mark is, under the text, tagged as notes', async () => {
    const pdf = await toPdf(longDocument(), meta())
    qpdfCheck(pdf)
    // pdftotext ends each page with a form feed.
    const pages = pdfText(pdf)
      .split('\f')
      .map((page) => page.replace(/\s+/g, ' '))
    const numbered = Array.from({ length: 60 }, (_, i) => i + 1).filter((n) => n % 7 === 4)
    expect(numbered.length).toBe(9)
    const used = new Set<number>()
    for (const n of numbered) {
      const markPage = pages.findIndex((page) => page.includes(`Абзац ${n}.`))
      const notePage = pages.findIndex((page) => page.includes(`Примечание к абзацу ${n}.`))
      expect(markPage, `the mark of note ${n}`).toBeGreaterThan(0)
      expect(notePage, `note ${n}`).toBe(markPage)
      // At the foot: after every paragraph of that page.
      const page = pages[notePage] ?? ''
      const lastParagraph = Math.max(
        ...[...page.matchAll(/Абзац \d+\./g)].map((match) => match.index ?? 0),
      )
      expect(page.indexOf(`Примечание к абзацу ${n}.`)).toBeGreaterThan(lastParagraph)
      used.add(notePage)
    }
    // The notes are spread over the pages, not gathered at the end.
    expect(used.size).toBeGreaterThan(2)
    const objects = JSON.stringify(pdfObjects(pdf))
    expect(objects.match(/"\/S":"\/Note"/g)).toHaveLength(9)
  })
})
