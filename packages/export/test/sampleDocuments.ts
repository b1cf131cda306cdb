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

/**
 * Every kind of character XML 1.0 forbids (C0 controls but tab, line feed and carriage
 * return; lone high and low surrogates; U+FFFE, U+FFFF), and the C1 controls and DEL it
 * discourages. No two surrogates stand side by side, so none make a valid pair.
 */
export const XML_FORBIDDEN = [
  '\uD800',
  '\u0000',
  '\uDBFF',
  '\u0001',
  '\uDC00',
  '\u0008',
  '\uDFFF',
  '\u000B',
  '\u000C',
  '\u000E',
  '\u001F',
  '\u007F',
  '\u0085',
  '\u009F',
  '\uFFFE',
  '\uFFFF',
]

/** A regular expression that finds any of XML_FORBIDDEN in a text. */
export const XML_FORBIDDEN_PATTERN = /(?![\t\n\r])\p{Cc}|\p{Cs}|[\uFFFE\uFFFF]/u

/** `word` with every forbidden character in the middle of it; what should survive is `word` alone. */
export const withForbidden = (word: string): string =>
  `${word.slice(0, 2)}${XML_FORBIDDEN.join('')}${word.slice(2)}`

/** The words `forbiddenEverywhere` hides forbidden characters in, one per field. */
export const FIELD_WORDS = {
  title: 'ЗАГОЛОВОК',
  version: 'ВЕРСИЯ',
  preface: 'ПРЕАМБУЛА',
  clauseHeading: 'ЗАГЛАВИЕ',
  paragraph: 'АБЗАЦ',
  subclauseHeading: 'ПОДПУНКТ',
  listItem: 'ПУНКТ',
  quote: 'ЦИТАТА',
  code: 'КОДБЛОК',
  link: 'ССЫЛКА',
  inserted: 'ВСТАВКА',
  suggester: 'ПРЕДЛОЖИЛ',
  commentQuote: 'ЦИТИРУЕТ',
  commentAuthor: 'АВТОР',
  commentBody: 'КОММЕНТАРИЙ',
} as const

/**
 * A document and its metadata with forbidden characters in every field an export writes:
 * title, version name, document id, every kind of block, a link target, a suggestion (its
 * text, id and author), clause ids, and a comment thread (quote, author, body). Emoji (a valid
 * surrogate pair) stand beside them and must survive.
 */
export const forbiddenEverywhere = (): { json: JSONContent; meta: ExportMeta } => {
  const w = (key: keyof typeof FIELD_WORDS) => withForbidden(FIELD_WORDS[key])
  const suggestion = {
    id: withForbidden('s-1x'),
    authorId: 'u-1',
    authorName: w('suggester'),
    at: '2024-10-08T09:30:00.000Z',
  }
  const clauseId = withForbidden('clause-1')
  const json: JSONContent = {
    type: 'doc',
    content: [
      paragraph(text(`${w('preface')} 😀\tтабуляция`)),
      {
        type: 'clause',
        attrs: { id: clauseId },
        content: [
          { type: 'clauseHeading', content: [text(w('clauseHeading'))] },
          paragraph(
            text(w('paragraph')),
            text(` ${w('link')}`, [
              { type: 'link', attrs: { href: `https://example.org/${withForbidden('path')}` } },
            ]),
            text(` ${w('inserted')}`, [{ type: 'insertion', attrs: suggestion }]),
            { type: 'hardBreak' },
            text('😀'),
          ),
          { type: 'bulletList', content: [item(w('listItem'))] },
          { type: 'blockquote', content: [paragraph(text(w('quote')))] },
          { type: 'codeBlock', content: [text(w('code'))] },
          {
            type: 'subclause',
            attrs: { id: withForbidden('sub-1') },
            content: [
              { type: 'clauseHeading', content: [text(w('subclauseHeading'))] },
              paragraph(text(w('paragraph'))),
            ],
          },
        ],
      },
    ],
  }
  return {
    json,
    meta: meta({
      documentId: withForbidden('doc-1'),
      title: w('title'),
      versionName: w('version'),
      suggestions: 'tracked',
      threads: [
        {
          clauseId,
          quote: w('commentQuote'),
          messages: [
            {
              author: w('commentAuthor'),
              body: `${w('commentBody')}\n${w('commentBody')} 😀`,
              createdAt: new Date('2024-10-09T10:00:00Z'),
            },
          ],
        },
      ],
    }),
  }
}
