import { exportDocument } from '@accord/export'
import { BODY_FRAGMENT, decodeAnchor, resolveAnchor } from '@accord/schema'
import { rangeOver, spanningDocument } from '@accord/test-support'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { importFile } from './importFile.js'
import { text as bytesOf, partString, repack } from './testCorpus/hostileFiles.js'

/** Two articles: paragraphs, a list and a table in the first, a heading and a paragraph in the second. */
const draft = spanningDocument({
  headings: ['Предмет', 'Термины'],
  paragraphs: ['Правила действуют для участников.', 'Участники голосуют лично.'],
  items: ['первый пункт', 'второй пункт'],
  cells: [
    ['север', 'юг'],
    ['восток', 'запад'],
  ],
  closing: 'Слова значат то, что значат.',
})

/** Paragraphs apart, as the anchor rule reads words over several blocks. */
const BREAK = '\u2029'

/** Threads whose words run over paragraphs, a heading, list items, cells and articles. */
const SPANS: { body: string; first: string; last: string; words: string }[] = [
  {
    body: 'Два абзаца',
    first: 'для участников',
    last: 'Участники голосуют',
    words: `для участников.${BREAK}Участники голосуют`,
  },
  { body: 'Заголовок', first: 'Предмет', last: 'Правила', words: `Предмет${BREAK}Правила` },
  { body: 'Список', first: 'пункт', last: 'второй', words: `пункт${BREAK}второй` },
  {
    body: 'Таблица',
    first: 'север',
    last: 'запад',
    words: ['север', 'юг', 'восток', 'запад'].join(BREAK),
  },
  {
    body: 'Две статьи',
    first: 'лично.',
    last: 'Слова',
    words: [
      'лично.',
      'первый пункт',
      'второй пункт',
      'север',
      'юг',
      'восток',
      'запад',
      'Термины',
      'Слова',
    ].join(BREAK),
  },
]

const at = (minute: number) => new Date(Date.UTC(2025, 2, 14, 10, minute))

const reviewCopy = {
  documentId: 'doc-spans',
  title: 'Положение',
  language: 'ru' as const,
  clauseLabel: 'article' as const,
  date: at(0),
  threads: SPANS.map((span, i) => ({
    clauseId: 'scope',
    quote: '',
    range: rangeOver(draft, span.first, span.last),
    messages: [
      { author: 'Анна Петрова', body: span.body, createdAt: at(i + 1) },
      { author: 'John Smith', body: `Ответ: ${span.body}`, createdAt: at(i + 10) },
    ],
  })),
}

/** Each imported thread's first message and the words its anchor is on in the imported text. */
const threadsOf = (doc: ReturnType<typeof importFile>) => {
  const ydoc = new Y.Doc()
  Y.applyUpdate(ydoc, doc.update)
  expect(ydoc.getXmlFragment(BODY_FRAGMENT).length).toBeGreaterThan(0)
  return doc.threads.map((thread) => {
    const positions = decodeAnchor(thread.anchor)
    const state = positions && resolveAnchor(ydoc, positions)
    return {
      // ODF 1.3 has no replies: the ODT export writes them into the comment's text.
      body: thread.messages[0]?.body.split('\n')[0],
      reply: thread.messages[1],
      words: state?.kind === 'anchored' ? state.text : state?.kind,
    }
  })
}

describe('comments over several paragraphs come back from an exported review copy on the same words', () => {
  it.each(['docx', 'odt'] as const)('.%s', async (format) => {
    const file = await exportDocument(format, draft, reviewCopy)
    const threads = threadsOf(importFile(`review.${format}`, file.bytes))
    for (const span of SPANS) {
      const thread = threads.find((t) => t.body === span.body)
      expect(thread?.words, span.body).toBe(span.words)
    }
    // Word keeps replies as comments of their own.
    if (format === 'docx')
      expect(threads.find((t) => t.body === 'Таблица')?.reply).toEqual({
        author: 'John Smith',
        body: 'Ответ: Таблица',
        createdAt: at(13).toISOString(),
      })
  })

  it('.docx whose range starts and ends between paragraphs, beside them, as Word may write it', async () => {
    const file = await exportDocument('docx', draft, reviewCopy)
    // The first comment's start moved before its paragraph, its end after the next one's.
    const moved = repack(file.bytes, (parts) => {
      let xml = partString(parts, 'word/document.xml')
      const start = '<w:commentRangeStart w:id="0"/>'
      const end = '<w:commentRangeEnd w:id="0"/>'
      const startAt = xml.indexOf(start)
      const paragraphAt = Math.max(
        xml.lastIndexOf('<w:p>', startAt),
        xml.lastIndexOf('<w:p ', startAt),
      )
      xml = `${xml.slice(0, paragraphAt)}${start}${xml.slice(paragraphAt).replace(start, '')}`
      const endAt = xml.indexOf(end)
      const closeAt = xml.indexOf('</w:p>', endAt) + '</w:p>'.length
      xml = `${xml.slice(0, endAt)}${xml.slice(endAt + end.length, closeAt)}${end}${xml.slice(closeAt)}`
      parts['word/document.xml'] = bytesOf(xml)
    })
    const threads = threadsOf(importFile('review.docx', moved))
    expect(threads.find((t) => t.body === 'Два абзаца')?.words).toBe(
      `Правила действуют для участников.${BREAK}Участники голосуют лично.`,
    )
    expect(threads.find((t) => t.body === 'Таблица')?.words).toBe(SPANS[3]?.words)
  })
})
