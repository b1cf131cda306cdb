import fs from 'node:fs'
import { textToDocument } from '@accord/schema'
import type { JSONContent } from '@tiptap/core'
import type { ExportMeta } from '../src/ExportMeta.js'

/** The real texts in ../shared/samples, as the import turns them into documents. */
export const SAMPLES = {
  declaration: 'cities-coalition-declaration.ru.txt',
  resolution: 'ombudsmen-alliance-resolution-2024.ru.txt',
} as const

export const sampleText = (name: keyof typeof SAMPLES): string =>
  fs.readFileSync(new URL(`../../../../shared/samples/${SAMPLES[name]}`, import.meta.url), 'utf8')

export const sampleDocument = (name: keyof typeof SAMPLES): JSONContent =>
  textToDocument(sampleText(name))

export const DECLARATION_TITLE = 'Декларация Коалиции городов за цифровые права'

/** The five principles of the declaration: its clause headings. */
export const PRINCIPLES = [
  'Всеобщий и равный доступ к интернету и цифровая грамотность',
  'Конфиденциальность, защита данных и безопасность',
  'Прозрачность, подотчетность и недопущение дискриминации в отношении данных, контента и алгоритмов',
  'Представительная демократия, многообразие и инклюзивность',
  'Открытые и этичные стандарты цифровых сервисов',
]

const text = (value: string, marks?: JSONContent['marks']): JSONContent =>
  marks ? { type: 'text', text: value, marks } : { type: 'text', text: value }
const paragraph = (...content: JSONContent[]): JSONContent => ({ type: 'paragraph', content })
const item = (value: string): JSONContent => ({
  type: 'listItem',
  content: [paragraph(text(value))],
})

export const SUBCLAUSE_HEADING = 'Защита детей в цифровой среде'
export const BULLETS = ['доступ к сети', 'цифровая грамотность']
export const NUMBERED = ['публичные консультации', 'открытые данные']
export const BOLD = 'обязаны'
export const ITALIC = 'без согласия'

/**
 * The declaration with what its plain text lacks: a sub-clause (1.1), a bulleted list, a
 * numbered list starting at 3, bold, italic, a link, a line break, a quote and a closing
 * paragraph after the last clause.
 */
export const richDeclaration = (): JSONContent => {
  const doc = sampleDocument('declaration')
  const content = doc.content ?? []
  const first = content.find((node) => node.type === 'clause')
  const second = content.filter((node) => node.type === 'clause')[1]
  if (!first?.content || !second?.content) throw new Error('the declaration has lost its clauses')
  first.content.push(
    { type: 'bulletList', content: BULLETS.map(item) },
    { type: 'orderedList', attrs: { start: 3 }, content: NUMBERED.map(item) },
    {
      type: 'subclause',
      attrs: { id: 'sub-children' },
      content: [
        { type: 'clauseHeading', content: [text(SUBCLAUSE_HEADING)] },
        paragraph(
          text('Города '),
          text(BOLD, [{ type: 'bold' }]),
          text(' не передавать данные '),
          text(ITALIC, [{ type: 'italic' }]),
          text(' родителей; см. '),
          text('сайт коалиции', [
            { type: 'link', attrs: { href: 'https://citiesfordigitalrights.org/' } },
          ]),
          { type: 'hardBreak' },
          text('вторая строка.'),
        ),
      ],
    },
  )
  second.content.push({ type: 'blockquote', content: [paragraph(text('Цитата из Устава.'))] })
  content.push(paragraph(text('Подписано в Барселоне.')))
  return doc
}

export const meta = (overrides: Partial<ExportMeta> = {}): ExportMeta => ({
  documentId: 'doc-declaration',
  title: DECLARATION_TITLE,
  language: 'ru',
  clauseLabel: 'article',
  versionName: 'Проект 2',
  date: new Date('2024-10-09T12:00:00Z'),
  ...overrides,
})

/** The id of the n-th clause of a document. */
export const clauseId = (doc: JSONContent, n: number): string => {
  const clause = (doc.content ?? []).filter((node) => node.type === 'clause')[n]
  const id = clause?.attrs?.id
  if (typeof id !== 'string') throw new Error(`no clause ${n}`)
  return id
}

/** Who suggested what in `suggestedDeclaration`. */
export const SUGGESTED = {
  inserted: 'ВСТАВКА АННЫ',
  deleted: 'ЛИШНЕЕ СЛОВО',
  deletedParagraph: 'Абзац, который Борис предлагает убрать.',
  insertedClauseHeading: 'Новая статья Анны',
  insertedClauseText: 'Текст новой статьи.',
  anna: { id: 's-anna', authorId: 'u-anna', authorName: 'Анна', at: '2024-10-08T09:30:00.000Z' },
  boris: {
    id: 's-boris',
    authorId: 'u-boris',
    authorName: 'Борис',
    at: '2024-10-08T10:00:00.000Z',
  },
} as const

/**
 * The declaration under review: in clause 1 Анна suggests inserting words and Борис deleting
 * words of the agreed text; in clause 2 Борис suggests deleting a whole paragraph; after the
 * last clause Анна suggests a whole new clause. Every suggestion is still open.
 */
export const suggestedDeclaration = (): JSONContent => {
  const doc = sampleDocument('declaration')
  const content = doc.content ?? []
  const clauses = content.filter((node) => node.type === 'clause')
  const [first, second] = clauses
  if (!first?.content || !second?.content) throw new Error('the declaration has lost its clauses')
  const { anna, boris } = SUGGESTED
  first.content.push(
    paragraph(
      text('Согласованное начало; '),
      text(SUGGESTED.inserted, [{ type: 'insertion', attrs: { ...anna, id: 's-anna-1' } }]),
      text(SUGGESTED.deleted, [{ type: 'deletion', attrs: { ...boris, id: 's-boris-1' } }]),
      text(' согласованный конец.'),
    ),
  )
  second.content.push({
    type: 'paragraph',
    attrs: { suggestion: { kind: 'deletion', ...boris, id: 's-boris-2' } },
    content: [text(SUGGESTED.deletedParagraph)],
  })
  const last = content.lastIndexOf(clauses.at(-1) as JSONContent)
  content.splice(last + 1, 0, {
    type: 'clause',
    attrs: { id: 'clause-anna', suggestion: { kind: 'insertion', ...anna, id: 's-anna-2' } },
    content: [
      { type: 'clauseHeading', content: [text(SUGGESTED.insertedClauseHeading)] },
      paragraph(text(SUGGESTED.insertedClauseText)),
    ],
  })
  return doc
}
