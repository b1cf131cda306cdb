import type { Node as MdNode } from '@tiptap/pm/model'
import { defaultMarkdownParser } from 'prosemirror-markdown'
import { describe, expect, it } from 'vitest'
import {
  BOLD,
  BULLETS,
  clauseId,
  ITALIC,
  meta,
  NUMBERED,
  PRINCIPLES,
  richDeclaration,
  SUBCLAUSE_HEADING,
  sampleDocument,
} from '../test/sampleDocuments.js'
import { toMarkdown } from './toMarkdown.js'

/** Every node of a type, in document order. */
const nodesOf = (doc: MdNode, type: string): MdNode[] => {
  const found: MdNode[] = []
  doc.descendants((node) => {
    if (node.type.name === type) found.push(node)
  })
  return found
}

const headings = (doc: MdNode) => nodesOf(doc, 'heading').map((h) => [h.attrs.level, h.textContent])

describe('toMarkdown', () => {
  it('round-trips the title, clause headings with their labels, sub-clauses and lists', () => {
    const markdown = toMarkdown(richDeclaration(), meta())
    const doc = defaultMarkdownParser.parse(markdown)
    expect(headings(doc)).toEqual([
      [1, 'Декларация Коалиции городов за цифровые права'],
      [2, `Статья 1. ${PRINCIPLES[0]}`],
      [3, `Статья 1.1. ${SUBCLAUSE_HEADING}`],
      ...PRINCIPLES.slice(1).map((heading, i) => [2, `Статья ${i + 2}. ${heading}`]),
    ])
    expect(nodesOf(doc, 'bullet_list')[0]?.content.content.map((item) => item.textContent)).toEqual(
      BULLETS,
    )
    const ordered = nodesOf(doc, 'ordered_list')[0]
    expect(ordered?.attrs.order).toBe(3)
    expect(ordered?.content.content.map((item) => item.textContent)).toEqual(NUMBERED)
    const marked = (mark: string) =>
      nodesOf(doc, 'text')
        .filter((t) => t.marks.some((m) => m.type.name === mark))
        .map((t) => t.text)
    expect(marked('strong')).toContain(BOLD)
    expect(marked('em')).toContain(ITALIC)
    expect(marked('link')).toContain('сайт коалиции')
    expect(nodesOf(doc, 'blockquote')[0]?.textContent).toBe('Цитата из Устава.')
    expect(markdown).toContain('*Версия: Проект 2 · 9 октября 2024 г.*')
  })

  it('keeps the numbers of a text like "1. Отмечаем" as clause labels, not list items', () => {
    const doc = defaultMarkdownParser.parse(
      toMarkdown(
        sampleDocument('resolution'),
        meta({ title: 'Резолюция', clauseLabel: 'numeric' }),
      ),
    )
    expect(
      headings(doc)
        .filter(([level]) => level === 2)
        .map(([, text]) => text),
    ).toEqual([
      '1. Отмечаем:',
      '2. Рекомендуем членам Евразийского Альянса Омбудсменов:',
      '3. Поручаем Секретариату Евразийского Альянса Омбудсменов:',
    ])
  })

  it('escapes markup, so a renderer shows it as text', () => {
    const evil = '<script>alert(1)</script> & *не курсив*'
    const doc = sampleDocument('declaration')
    doc.content?.unshift({ type: 'paragraph', content: [{ type: 'text', text: evil }] })
    const markdown = toMarkdown(doc, meta({ title: evil }))
    expect(markdown).not.toContain('<script>')
    const parsed = defaultMarkdownParser.parse(markdown)
    expect(headings(parsed)[0]).toEqual([1, evil])
    expect(parsed.child(2).textContent).toBe(evil)
  })

  it('lists open threads under their clause labels', () => {
    const doc = richDeclaration()
    const markdown = toMarkdown(
      doc,
      meta({
        threads: [
          {
            clauseId: clauseId(doc, 4),
            quote: 'открытые',
            messages: [{ author: 'Анна', body: 'Да', createdAt: new Date() }],
          },
        ],
      }),
    )
    expect(headings(defaultMarkdownParser.parse(markdown)).slice(-2)).toEqual([
      [2, 'Открытые комментарии'],
      [3, 'Статья 5'],
    ])
  })
})
