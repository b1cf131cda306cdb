import {
  checkWellFormed,
  convertFileWithLibreOffice,
  skipWithoutLibreOffice,
} from '@accord/test-support'
import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { clauseId, meta, richDeclaration } from '../test/sampleDocuments.js'
import type { ExportThread } from './ExportMeta.js'
import { toDocx } from './toDocx.js'
import { toOdt } from './toOdt.js'

const at = (minute: number) => new Date(Date.UTC(2025, 2, 14, 10, minute))

/** Three open threads: across bold and italic words in a sub-clause, in a quote with a reply, and on words no longer there. */
const threads = (): ExportThread[] => [
  {
    clauseId: 'sub-children',
    quote: 'обязаны не передавать данные',
    messages: [{ author: 'Anna Petrova', body: 'Слишком строго?', createdAt: at(1) }],
  },
  {
    clauseId: clauseId(richDeclaration(), 1),
    quote: 'Цитата из Устава',
    messages: [
      { author: 'Ben Okafor', body: 'Which charter?', createdAt: at(2) },
      { author: 'Anna Petrova', body: 'The 2018 one.', createdAt: at(3) },
    ],
  },
  {
    clauseId: null,
    quote: 'words since deleted',
    messages: [{ author: 'Ben Okafor', body: 'Gone from the text', createdAt: at(4) }],
  },
]

const reviewCopy = () => meta({ threads: threads() })

const unzip = (bytes: Uint8Array) => {
  const files = unzipSync(bytes)
  return (name: string) => strFromU8(files[name] ?? new Uint8Array())
}

/** The visible text of WordprocessingML between a comment's range start and end. */
const docxCommented = (xml: string, id: number): string => {
  const match = new RegExp(
    `<w:commentRangeStart w:id="${id}"/>(.*?)<w:commentRangeEnd w:id="${id}"/>`,
    's',
  ).exec(xml)
  return [...(match?.[1] ?? '').matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
    .map((t) => t[1])
    .join('')
}

/** The text between an ODF annotation (after its own content) and its end. */
const odtAnnotated = (xml: string, name: string): string => {
  const match = new RegExp(
    `<office:annotation office:name="${name}">.*?</office:annotation>(.*?)<office:annotation-end office:name="${name}"/>`,
    's',
  ).exec(xml)
  return (match?.[1] ?? '').replace(/<[^>]+>/g, '')
}

describe('open comments of a review copy as real comments', () => {
  it('DOCX: each thread whose words are there is a w:comment on them, its reply a threaded reply', async () => {
    const part = unzip(await toDocx(richDeclaration(), reviewCopy()))
    const document = part('word/document.xml')
    const comments = part('word/comments.xml')
    checkWellFormed(document)
    checkWellFormed(comments)
    expect(docxCommented(document, 0)).toBe('обязаны не передавать данные')
    expect(docxCommented(document, 1)).toBe('Цитата из Устава')
    expect(document).toContain('<w:commentReference w:id="0"/>')
    expect(document).toContain('<w:commentReference w:id="1"/>')
    // Word marks the reply's range too, on the same words.
    expect(docxCommented(document, 2)).toBe('Цитата из Устава')
    const list = [...comments.matchAll(/<w:comment ([^>]*)>(.*?)<\/w:comment>/gs)].map((m) => ({
      author: /w:author="([^"]*)"/.exec(m[1] ?? '')?.[1],
      date: /w:date="([^"]*)"/.exec(m[1] ?? '')?.[1],
      text: [...(m[2] ?? '').matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
    }))
    expect(list).toEqual([
      {
        author: 'Anna Petrova',
        date: expect.stringMatching(/^2025-03-14T10:01/),
        text: 'Слишком строго?',
      },
      {
        author: 'Ben Okafor',
        date: expect.stringMatching(/^2025-03-14T10:02/),
        text: 'Which charter?',
      },
      {
        author: 'Anna Petrova',
        date: expect.stringMatching(/^2025-03-14T10:03/),
        text: 'The 2018 one.',
      },
    ])
    // The reply answers the second comment (Word's threads live in commentsExtended).
    const extended = part('word/commentsExtended.xml')
    expect(extended.match(/w15:paraIdParent=/g)).toHaveLength(1)
    // The thread whose words are gone is only in the appendix.
    expect(comments).not.toContain('Gone from the text')
    expect(document).toContain('Gone from the text')
  })

  it('ODT: each thread whose words are there is an office:annotation with its end, replies inside', () => {
    const content = unzip(toOdt(richDeclaration(), reviewCopy()))('content.xml')
    checkWellFormed(content)
    expect(odtAnnotated(content, 'comment-1')).toBe('обязаны не передавать данные')
    expect(odtAnnotated(content, 'comment-2')).toBe('Цитата из Устава')
    expect(content).toContain('<dc:creator>Anna Petrova</dc:creator>')
    expect(content).toMatch(/<dc:date>2025-03-14T10:02:00.000Z<\/dc:date><text:p>Which charter\?/)
    expect(content).toContain('The 2018 one.')
    expect(content).not.toContain('office:name="comment-3"')
  })

  it('a plain copy has no comments', async () => {
    const part = unzip(await toDocx(richDeclaration(), meta()))
    expect(part('word/comments.xml')).toBe('')
    expect(part('word/document.xml')).not.toContain('commentRangeStart')
    expect(unzip(toOdt(richDeclaration(), meta()))('content.xml')).not.toContain(
      'office:annotation',
    )
  })

  describe.skipIf(skipWithoutLibreOffice())('LibreOffice reads them as comments', () => {
    it('the DOCX comments, saved again as ODT, are annotations with their authors and words', async () => {
      const odt = await convertFileWithLibreOffice(
        'review.docx',
        await toDocx(richDeclaration(), reviewCopy()),
        'odt',
      )
      const content = unzip(odt)('content.xml')
      const annotations = [
        ...content.matchAll(/<office:annotation\b[^>]*>(.*?)<\/office:annotation>/gs),
      ]
      expect(annotations.length).toBe(3)
      expect(content).toContain('Anna Petrova')
      expect(content).toContain('Слишком строго?')
      expect(content).toContain('The 2018 one.')
      // Each on the words it was on.
      const ranged = [
        ...content.matchAll(
          /<office:annotation office:name="([^"]+)"[^>]*>.*?<\/office:annotation>(.*?)<office:annotation-end office:name="\1"\/>/gs,
        ),
      ].map((m) =>
        (m[2] ?? '')
          // A reply starts where its comment does: its own annotation is not part of the words.
          .replace(/<office:annotation\b.*?<\/office:annotation>/gs, '')
          .replace(/<[^>]+>/g, ''),
      )
      expect(ranged).toEqual(
        expect.arrayContaining(['обязаны не передавать данные', 'Цитата из Устава']),
      )
    }, 180_000)

    it('the ODT annotations, saved again as DOCX, are Word comments on their words', async () => {
      const docx = await convertFileWithLibreOffice(
        'review.odt',
        toOdt(richDeclaration(), reviewCopy()),
        'docx',
      )
      const part = unzip(docx)
      const comments = part('word/comments.xml')
      expect(comments.match(/<w:comment /g)).toHaveLength(2)
      expect(comments).toContain('Which charter?')
      expect(part('word/document.xml')).toContain('commentRangeStart')
    }, 180_000)
  })
})
