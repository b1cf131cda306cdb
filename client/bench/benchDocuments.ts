/**
 * The documents `npm run bench:browser` seeds, as Yjs updates. Each ends with the paragraph
 * holding MARK, which the bench types into and waits for. The bare page gets the same words
 * in its own schema (StarterKit + tables): headings and paragraphs where Accord has clauses.
 */
import { jsonToUpdate } from '@accord/schema'
import type { JSONContent } from '@tiptap/core'
import * as Y from 'yjs'
import { MARK } from './pageMeasures.js'

/** 1,000 paragraphs of 1 KiB, then the paragraph the bench types into (~1 MiB). */
export const PARAGRAPHS = 1000
export const paragraphDocument = (): Uint8Array => {
  const doc = new Y.Doc()
  const fragment = doc.getXmlFragment('default')
  const line = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor. '
  const text = line.repeat(Math.ceil(1024 / line.length)).slice(0, 1024)
  doc.transact(() => {
    for (let i = 0; i < PARAGRAPHS; i++) {
      const p = new Y.XmlElement('paragraph')
      p.insert(0, [new Y.XmlText(`${i} ${text}`)])
      fragment.insert(fragment.length, [p])
    }
    const last = new Y.XmlElement('paragraph')
    last.insert(0, [new Y.XmlText(MARK)])
    fragment.insert(fragment.length, [last])
  })
  return Y.encodeStateAsUpdate(doc)
}

const text = (value: string): JSONContent[] => [{ type: 'text', text: value }]
const paragraph = (value: string): JSONContent => ({ type: 'paragraph', content: text(value) })

const SENTENCE =
  'Обработка персональных данных допускается только с согласия субъекта и в целях, указанных в настоящем стандарте. '
/** A clause body of about `chars` characters, numbered so that no two are alike. */
const body = (i: number, chars: number) =>
  `${i}. ${SENTENCE.repeat(Math.ceil(chars / SENTENCE.length))}`.slice(0, chars)

/** A definitions table: a header row and five rows of four cells. */
const table = (n: number): JSONContent => {
  const row = (cell: 'tableHeader' | 'tableCell', r: number): JSONContent => ({
    type: 'tableRow',
    content: Array.from({ length: 4 }, (_, c) => ({
      type: cell,
      content: [paragraph(cell === 'tableHeader' ? `Графа ${c + 1}` : `Термин ${n}.${r}.${c}`)],
    })),
  })
  return {
    type: 'table',
    content: [
      row('tableHeader', 0),
      ...Array.from({ length: 5 }, (_, r) => row('tableCell', r + 1)),
    ],
  }
}

export interface ClauseDocumentShape {
  clauses: number
  /** Characters of each clause's body paragraph. */
  bodyChars: number
  /** A table in every `tableEvery`-th clause's body (none when undefined). */
  tableEvery?: number
}

const hasTable = (shape: ClauseDocumentShape, i: number) =>
  shape.tableEvery !== undefined && i % shape.tableEvery === Math.floor(shape.tableEvery / 2)

export const tableCount = (shape: ClauseDocumentShape) =>
  Array.from({ length: shape.clauses }, (_, i) => i).filter((i) => hasTable(shape, i)).length

/** Accord's numbered clauses (heading, body, perhaps a table), then a last clause with MARK. */
export const clauseDocument = (shape: ClauseDocumentShape): Uint8Array =>
  jsonToUpdate({
    type: 'doc',
    content: [
      ...Array.from({ length: shape.clauses }, (_, i) => ({
        type: 'clause',
        attrs: { id: `c${i}` },
        content: [
          { type: 'clauseHeading', content: text(`Статья о предмете ${i}`) },
          paragraph(body(i, shape.bodyChars)),
          ...(hasTable(shape, i) ? [table(i)] : []),
        ],
      })),
      {
        type: 'clause',
        attrs: { id: 'last' },
        content: [
          { type: 'clauseHeading', content: text('Заключительная статья') },
          paragraph(MARK),
        ],
      },
    ],
  })

/** The same words for the bare page: a heading and a paragraph per clause, the same tables. */
export const bareClauseDocument = (shape: ClauseDocumentShape): Uint8Array =>
  jsonToUpdate({
    type: 'doc',
    content: [
      ...Array.from({ length: shape.clauses }, (_, i) => [
        { type: 'heading', attrs: { level: 2 }, content: text(`Статья о предмете ${i}`) },
        paragraph(body(i, shape.bodyChars)),
        ...(hasTable(shape, i) ? [table(i)] : []),
      ]).flat(),
      { type: 'heading', attrs: { level: 2 }, content: text('Заключительная статья') },
      paragraph(MARK),
    ],
  })
