import { articlesDraft, numberedListDraft } from '@accord/test-support'
import { CommentReference, Document, Packer, Paragraph, TextRun } from 'docx'
import { describe, expect, it } from 'vitest'
import { importFile } from './importFile.js'
import { clausesOf, preambleOf, suggestionsOf } from './testCorpus/readBack.js'

describe('a Word draft written by the docx package', () => {
  it('keeps the title and preamble and finds the articles, clause by clause', async () => {
    const doc = importFile('Положение.docx', await articlesDraft())
    expect(doc.title).toBe('Положение о сотрудничестве')
    expect(doc.language).toBe('ru')
    expect(preambleOf(doc.content)).toEqual([
      'Положение о сотрудничестве',
      'Настоящее Положение принято рабочей группой.',
    ])
    const clauses = clausesOf(doc.content)
    expect(clauses.map((c) => c.heading)).toEqual(['Предмет', 'Сроки', 'Термины'])
    expect(clauses[0]?.body).toBe(
      'Стороны сотрудничают в течение десяти дней.[^Федеральный закон № 1-ФЗ.]',
    )
    expect(clauses[1]?.body).toBe('Срок составляет десятьтридцать дней с даты подписания.')
    expect(clauses[2]?.body).toBe('Термин | Значение\nСторона | Участник соглашения')
    expect(doc.outline.map((e) => `${e.number} ${e.heading}`)).toEqual([
      '1 Предмет',
      '2 Сроки',
      '3 Термины',
    ])
    // The table and the footnote are the document's own, in place.
    const terms = doc.content.content?.filter((n) => n.type === 'clause')[2]
    expect(terms?.content?.[1]?.type).toBe('table')
    expect(terms?.content?.[1]?.content?.[0]?.content?.map((c) => c.type)).toEqual([
      'tableCell',
      'tableCell',
    ])
    expect(JSON.stringify(doc.content)).toContain(
      '{"type":"footnote","content":[{"type":"text","text":"Федеральный закон № 1-ФЗ."}]}',
    )
    expect(doc.report).toMatchObject({
      clauses: 3,
      comments: 2,
      suggestions: 3,
      tables: 1,
      footnotes: 1,
    })
    // Nothing was brought in another way than it was: no warnings.
    expect(doc.report.warnings).toEqual([])
  })

  it('keeps formatting', async () => {
    const doc = importFile('draft.docx', await articlesDraft())
    const bold = JSON.stringify(doc.content).match(
      /"text":"сотрудничают","marks":\[\{"type":"bold"\}\]/,
    )
    expect(bold).not.toBeNull()
  })

  it('turns comments into threads on the same words, with their authors, dates and replies', async () => {
    const doc = importFile('draft.docx', await articlesDraft())
    const firstClause = doc.content.content?.find((n) => n.type === 'clause')
    const byQuote = new Map(doc.threads.map((t) => [t.quote, t]))
    expect([...byQuote.keys()].sort()).toEqual(['десяти дней', 'сотрудничают'])
    expect(byQuote.get('десяти дней')?.messages).toEqual([
      { author: 'Анна Петрова', createdAt: '2024-03-01T10:00:00.000Z', body: 'Уточнить срок' },
      { author: 'John Smith', createdAt: '2024-03-02T11:00:00.000Z', body: 'Agreed: 30 days' },
    ])
    expect(byQuote.get('сотрудничают')?.messages).toEqual([
      {
        author: 'Мария Иванова',
        createdAt: '2024-03-03T12:00:00.000Z',
        body: 'Кто такие стороны?',
      },
    ])
    for (const thread of doc.threads) expect(thread.clauseId).toBe(firstClause?.attrs?.id)
  })

  it('turns tracked changes into suggestions by their original authors', async () => {
    const doc = importFile('draft.docx', await articlesDraft())
    expect(suggestionsOf(doc.content)).toEqual([
      { kind: 'deletion', author: 'Олег Сидоров', at: '2024-03-04T09:00:00.000Z', text: 'десять' },
      {
        kind: 'insertion',
        author: 'Олег Сидоров',
        at: '2024-03-04T09:00:00.000Z',
        text: 'тридцать',
      },
      {
        kind: 'insertion',
        author: 'Jane Doe',
        at: '2024-03-05T09:00:00.000Z',
        text: ' с даты подписания',
      },
    ])
  })

  it('a comment that marks no words (only its reference) takes its paragraph', async () => {
    const file = await new Document({
      comments: {
        children: [
          {
            id: 0,
            author: 'Анна',
            date: new Date('2024-03-01T10:00:00Z'),
            children: [new Paragraph('Весь абзац')],
          },
        ],
      },
      sections: [
        {
          children: [
            new Paragraph('Статья 1. Цели'),
            new Paragraph({
              children: [
                new TextRun('Текст статьи.'),
                new TextRun({ children: [new CommentReference(0)] }),
              ],
            }),
          ],
        },
      ],
    })
    const doc = importFile('point.docx', new Uint8Array(await Packer.toBuffer(file)))
    expect(doc.threads.map((t) => [t.quote, t.messages[0]?.body])).toEqual([
      ['Текст статьи.', 'Весь абзац'],
    ])
    expect(doc.report.warnings).toEqual([])
  })

  it("reads clauses from Word's multi-level list numbering (1, 1.1, 1.1.1)", async () => {
    const doc = importFile('resolution.docx', await numberedListDraft())
    expect(doc.language).toBe('en')
    expect(preambleOf(doc.content)).toEqual([
      'Resolution on open data',
      'The Alliance, having met in Vienna,',
    ])
    expect(doc.outline.map((e) => [e.number, e.heading, e.children?.length ?? 0])).toEqual([
      ['1', 'General provisions', 1],
      ['2', 'Definitions', 1],
      ['3', 'Final provisions', 0],
    ])
    const clauses = doc.content.content?.filter((n) => n.type === 'clause') ?? []
    const firstSub = clauses[0]?.content?.[1]
    expect(firstSub?.type).toBe('subclause')
    // A sentence numbered 1.1 is the sub-clause's body; 1.1.1 keeps its number as text.
    expect(JSON.stringify(firstSub)).toContain('This resolution applies to every member office.')
    expect(JSON.stringify(firstSub)).toContain('"1.1.1. "')
    const secondSub = clauses[1]?.content?.[1]
    // "In this resolution:" is short and not a sentence: the sub-clause's heading, its list below.
    expect(secondSub?.content?.map((n) => n.type)).toEqual(['clauseHeading', 'bulletList'])
  })
})
