import { CLAUSE_LABEL_STYLES, clauseOutline, formatClauseLabel } from '@accord/schema'
import { describe, expect, it } from 'vitest'
import {
  clauseId,
  DECLARATION_TITLE,
  meta,
  PRINCIPLES,
  richDeclaration,
  SUBCLAUSE_HEADING,
  sampleDocument,
} from '../../test/sampleDocuments.js'
import type { ExportClause } from './Block.js'
import { exportModel } from './exportModel.js'
import { inlineText } from './inlineText.js'

const clausesOf = (model: ReturnType<typeof exportModel>): ExportClause[] =>
  model.body.filter((item): item is ExportClause => item.type === 'clause')

describe('exportModel', () => {
  it('numbers and labels clauses as the editor does, in every label style and language', () => {
    const doc = richDeclaration()
    const outline = clauseOutline(doc)
    for (const clauseLabel of CLAUSE_LABEL_STYLES) {
      for (const language of ['ru', 'en'] as const) {
        const clauses = clausesOf(exportModel(doc, meta({ clauseLabel, language })))
        expect(clauses.map((c) => c.label)).toEqual(
          outline.map((entry) => formatClauseLabel(entry.number, clauseLabel, language)),
        )
      }
    }
    const [first] = clausesOf(exportModel(doc, meta()))
    const sub = first?.children.find((c): c is ExportClause => c.type === 'clause')
    expect(sub).toMatchObject({ number: '1.1', label: 'Статья 1.1', level: 2 })
    expect(inlineText(sub?.heading ?? [])).toBe(SUBCLAUSE_HEADING)
  })

  it('splits preface, clauses and conclusions, without repeating the title', () => {
    const model = exportModel(richDeclaration(), meta())
    expect(clausesOf(model).map((c) => inlineText(c.heading))).toEqual(PRINCIPLES)
    expect(model.preface[0]?.type).toBe('paragraph')
    expect(
      model.preface.some(
        (b) => b.type === 'heading' && inlineText(b.inlines) === DECLARATION_TITLE,
      ),
    ).toBe(false)
    expect(model.conclusions).toEqual([
      {
        type: 'paragraph',
        inlines: [
          { kind: 'text', text: 'Подписано в Барселоне.', marks: {}, at: expect.any(Number) },
        ],
      },
    ])
  })

  it('leaves out empty paragraphs at the start and end of the text, as a new document has', () => {
    const doc = richDeclaration()
    const empty = { type: 'paragraph' }
    doc.content = [empty, ...(doc.content ?? []), empty]
    const model = exportModel(doc, meta())
    expect(model.preface[0]).toMatchObject({
      type: 'paragraph',
      inlines: [{ text: expect.stringMatching(/^Мы, нижеподписавшиеся/) }],
    })
    expect(model.conclusions).toHaveLength(1)
  })

  it('keeps the title heading when the export is named otherwise, and puts a text without clauses in the preface', () => {
    const doc = sampleDocument('declaration')
    expect(exportModel(doc, meta({ title: 'Другое название' })).preface[0]?.type).toBe('heading')
    const plain = exportModel(
      { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Текст' }] }] },
      meta(),
    )
    expect(plain.body).toEqual([])
    expect(plain.preface).toHaveLength(1)
  })

  it('ties each open thread to the label of its clause in this text', () => {
    const doc = richDeclaration()
    const message = { author: 'Анна', body: 'Уточнить', createdAt: new Date() }
    const model = exportModel(
      doc,
      meta({
        threads: [
          { clauseId: clauseId(doc, 1), quote: 'данных', messages: [message] },
          { clauseId: 'sub-children', quote: 'детей', messages: [message] },
          { clauseId: 'gone', quote: 'удалено', messages: [message] },
          { clauseId: null, quote: 'преамбула', messages: [message] },
        ],
      }),
    )
    expect(model.comments.map((c) => c.clauseLabel)).toEqual(['Статья 2', 'Статья 1.1', null, null])
  })

  it('drops link targets that would run code', () => {
    const doc = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            {
              type: 'text',
              text: 'x',
              marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }],
            },
            {
              type: 'text',
              text: 'y',
              marks: [{ type: 'link', attrs: { href: 'https://example.org' } }],
            },
          ],
        },
      ],
    }
    expect(exportModel(doc, meta()).preface[0]).toEqual({
      type: 'paragraph',
      inlines: [
        { kind: 'text', text: 'x', marks: {}, at: 1 },
        { kind: 'text', text: 'y', marks: { href: 'https://example.org' }, at: 2 },
      ],
    })
  })
})
