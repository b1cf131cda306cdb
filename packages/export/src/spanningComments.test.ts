import {
  convertFileWithLibreOffice,
  rangeOver,
  skipWithoutLibreOffice,
  spanningDocument,
} from '@accord/test-support'
import type { JSONContent } from '@tiptap/core'
import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import {
  type CommentRange,
  docxCommentIds,
  docxCommentRanges,
  odfAnnotationRanges,
  odfAnnotations,
} from '../test/commentRanges.js'
import { meta } from '../test/sampleDocuments.js'
import type { ExportThread } from './ExportMeta.js'
import { toDocx } from './toDocx.js'
import { toOdt } from './toOdt.js'

const text = (value: string): JSONContent => ({ type: 'text', text: value })

/** Two clauses: paragraphs, a list and a table in the first, a heading and a paragraph in the second. */
const spanned = (): JSONContent =>
  spanningDocument({
    headings: ['Scope', 'Terms'],
    paragraphs: ['The rules apply to members.', 'Members vote in person.'],
    items: ['first item', 'second item'],
    cells: [
      ['north', 'south'],
      ['east', 'west'],
    ],
    closing: 'Words mean what they say.',
  })

const at = (minute: number) => new Date(Date.UTC(2025, 2, 14, 10, minute))
const message = (author: string, body: string, minute: number) => ({
  author,
  body,
  createdAt: at(minute),
})

/** Each thread's words as the exported file must show them: paragraphs joined by ¶. */
const EXPECTED = [
  'apply to members.¶Members vote',
  'Scope¶The rules',
  'first item¶second',
  'north¶south¶east¶west',
  'in person.¶first item¶second item¶north¶south¶east¶west¶Article 2. Terms¶Words mean',
  'rules apply to members.¶Members',
  'item¶north',
]

/** A thread in the first clause over the words from `first` to `last` of `json`. */
const over = (
  json: JSONContent,
  [first, last]: [string, string],
  quote: string,
  ...messages: ExportThread['messages']
): ExportThread => ({ clauseId: 'scope', quote, range: rangeOver(json, first, last), messages })

/**
 * Threads over two paragraphs (with a reply), a heading and its paragraph, two list items,
 * a table's cells, from one clause into the next (around the others), one overlapping the
 * first, one found by its quote only, and one whose words are gone.
 */
const threads = (json: JSONContent): ExportThread[] => [
  over(
    json,
    ['apply to', 'Members vote'],
    'apply to members. Members vote',
    message('Anna Petrova', 'Two sentences?', 1),
    message('Ben Okafor', 'Yes.', 2),
  ),
  over(json, ['Scope', 'The rules'], 'Scope The rules', message('Ben Okafor', 'Heading too', 3)),
  over(json, ['first item', 'second'], 'first item second', message('Anna Petrova', 'List', 4)),
  over(json, ['north', 'west'], 'north south east west', message('Anna Petrova', 'Table', 5)),
  over(
    json,
    ['in person.', 'Words mean'],
    'in person. … Words mean',
    message('Ben Okafor', 'Across clauses', 6),
  ),
  over(
    json,
    ['rules apply', 'Members'],
    'rules apply to members. Members',
    message('Ben Okafor', 'Overlapping', 7),
  ),
  {
    // Only its quote: the editor quotes several paragraphs with a space between them.
    clauseId: 'scope',
    quote: 'item north',
    messages: [message('Anna Petrova', 'By the quote', 8)],
  },
  {
    clauseId: 'terms',
    quote: 'words since deleted',
    messages: [message('Ben Okafor', 'Gone from the text', 9)],
  },
]

const reviewCopy = (json: JSONContent) =>
  meta({ language: 'en', title: 'Charter', threads: threads(json) })

const unzip = (bytes: Uint8Array) => {
  const files = unzipSync(bytes)
  return (name: string) => strFromU8(files[name] ?? new Uint8Array())
}

/** Every range whole: one start, one end after it, in paragraphs apart where the words run over several. */
const expectWhole = (range: CommentRange | undefined, words: string) => {
  expect(range).toMatchObject({ text: words, starts: 1, ends: 1, ordered: true })
  const paragraphs = words.split('¶').length
  expect((range?.endBlock ?? 0) - (range?.startBlock ?? 0)).toBe(paragraphs - 1)
}

describe('comments whose words run over several paragraphs, headings, lists, cells and clauses', () => {
  it('DOCX: each is one Word comment from its first word to its last, its reply on the same words', async () => {
    const json = spanned()
    const part = unzip(await toDocx(json, reviewCopy(json)))
    const ranges = docxCommentRanges(part('word/document.xml'))
    const ids = docxCommentIds(part('word/comments.xml'))
    // Seven threads placed, the first with a reply: eight comments, every one with one
    // start, one end after it and one reference, each naming a comment of comments.xml.
    expect(ids).toEqual(['0', '1', '2', '3', '4', '5', '6', '7'])
    expect([...ranges.keys()].sort()).toEqual(ids)
    for (const range of ranges.values()) expect(range.references).toBe(1)
    const words = ['0', '2', '3', '4', '5', '6', '7'].map((id) => ranges.get(id))
    for (const [i, expected] of EXPECTED.entries()) expectWhole(words[i], expected)
    expectWhole(ranges.get('1'), EXPECTED[0] as string)
    expect(part('word/comments.xml')).not.toContain('Gone from the text')
    expect(part('word/document.xml')).toContain('Gone from the text')
  })

  it('ODT: each is one office:annotation in its first paragraph, its office:annotation-end in its last', () => {
    const json = spanned()
    const content = unzip(toOdt(json, reviewCopy(json)))('content.xml')
    const ranges = odfAnnotationRanges(content)
    expect([...ranges.keys()]).toHaveLength(7)
    for (const [i, expected] of EXPECTED.entries())
      expectWhole(ranges.get(`comment-${i + 1}`), expected)
    const first = odfAnnotations(content).find((a) => a.name === 'comment-1')
    expect(first).toMatchObject({
      creator: 'Anna Petrova',
      date: '2025-03-14T10:01:00.000Z',
      paragraphs: ['Two sentences?', expect.stringMatching(/^Ben Okafor, .*:$/), 'Yes.'],
    })
    expect(content).not.toContain('office:name="comment-8"')
  })

  it('a range carries into a clean copy without the suggested words in it, and into a tracked one with them', async () => {
    const json = spanned()
    const suggested = (value: string) => ({
      type: 'text',
      text: value,
      marks: [
        {
          type: 'insertion',
          attrs: { id: 's-1', authorId: 'u', authorName: 'Anna', at: at(0).toISOString() },
        },
      ],
    })
    const scope = json.content?.[0]?.content ?? []
    scope[2] = { type: 'paragraph', content: [text('Members '), suggested('may '), text('vote.')] }
    scope.splice(3, 0, { type: 'paragraph', content: [suggested('Proposed words.')] })
    const on = (first: string, last: string, quote: string) =>
      over(json, [first, last], quote, message('Ben Okafor', 'On a suggestion', 1))
    const clean = meta({
      language: 'en',
      title: 'Charter',
      threads: [
        on('apply to', 'vote', 'apply to members. Members may vote'),
        // Every word of it suggested: a clean copy has none of them, so only the appendix.
        on('Proposed', 'words.', 'Proposed words.'),
      ],
    })
    const cleanRanges = docxCommentRanges(unzip(await toDocx(json, clean))('word/document.xml'))
    expect([...cleanRanges.keys()]).toEqual(['0'])
    expectWhole(cleanRanges.get('0'), 'apply to members.¶Members vote')
    const tracked = unzip(await toDocx(json, { ...clean, suggestions: 'tracked' }))
    const trackedRanges = docxCommentRanges(tracked('word/document.xml'))
    expectWhole(trackedRanges.get('0'), 'apply to members.¶Members may vote')
    expectWhole(trackedRanges.get('1'), 'Proposed words.')
  })

  it('a range stays on its words when characters XML cannot hold are taken out before them', async () => {
    const json = spanned()
    const heading = json.content?.[0]?.content?.[0]
    if (heading) heading.content = [text('Sc\u0001o\uFFFEpe')]
    const thread = over(
      json,
      ['rules', 'apply'],
      'rules apply',
      message('Ben Okafor', 'After a control character', 1),
    )
    const part = unzip(
      await toDocx(json, meta({ language: 'en', title: 'Charter', threads: [thread] })),
    )
    expectWhole(docxCommentRanges(part('word/document.xml')).get('0'), 'rules apply')
  })

  describe.skipIf(skipWithoutLibreOffice())('LibreOffice reads them over the same words', () => {
    /** In LibreOffice's flat XML: each annotation's words, found by its first message, with its author and date. */
    const readBack = (fodt: Uint8Array) => {
      const xml = strFromU8(fodt)
      const ranges = odfAnnotationRanges(xml)
      return odfAnnotations(xml).map((annotation) => ({
        ...annotation,
        range: ranges.get(annotation.name),
      }))
    }
    /** `pointOnly`: threads LibreOffice keeps as comments, but on a point rather than on their words. */
    const expectRead = (annotations: ReturnType<typeof readBack>, pointOnly: number[] = []) => {
      const bodies = threads(spanned())
      for (const [i, expected] of EXPECTED.entries()) {
        const [first] = bodies[i]?.messages ?? []
        const found = annotations.find((a) => a.paragraphs[0] === first?.body)
        expect(found, first?.body).toMatchObject({
          creator: first?.author,
          date: expect.stringMatching(/^2025-03-14T10:0\d/),
        })
        if (!pointOnly.includes(i)) expectWhole(found?.range, expected)
      }
      expect(annotations.some((a) => a.paragraphs.join('\n').includes('Gone from the text'))).toBe(
        false,
      )
    }

    it('the DOCX, opened and saved as flat ODT: each comment starts in its first paragraph and ends in its last, the reply kept', async () => {
      const json = spanned()
      const fodt = await convertFileWithLibreOffice(
        'review.docx',
        await toDocx(json, reviewCopy(json)),
        'fodt',
      )
      const annotations = readBack(fodt)
      expectRead(annotations)
      expect(annotations.find((a) => a.paragraphs[0] === 'Yes.')).toMatchObject({
        creator: 'Ben Okafor',
        date: expect.stringMatching(/^2025-03-14T10:02/),
      })
    }, 180_000)

    it('the ODT, opened and saved as flat ODT: the same, the reply in its annotation', async () => {
      const json = spanned()
      const fodt = await convertFileWithLibreOffice(
        'review.odt',
        toOdt(json, reviewCopy(json)),
        'fodt',
      )
      const annotations = readBack(fodt)
      // LibreOffice 7.4 reads no ODF annotation whose range runs from outside a table into
      // one of its cells (it keeps it on the point where it ends), its own files alike: saved
      // from the DOCX above, its flat ODT has that range just as this export writes it, and
      // opened again loses it the same way. A range over a whole table it reads.
      expectRead(annotations, [6])
      expect(annotations.find((a) => a.creator === 'Anna Petrova')?.paragraphs).toContain('Yes.')
    }, 180_000)
  })
})
