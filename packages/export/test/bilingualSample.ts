import type { JSONContent } from '@tiptap/core'
import type { BilingualSource } from '../src/bilingual/BilingualMeta.js'
import { meta } from './sampleDocuments.js'

const text = (value: string): JSONContent[] => [{ type: 'text', text: value }]
const clause = (id: string, heading: string, body: string, type = 'clause'): JSONContent => ({
  type,
  attrs: { id },
  content: [
    { type: 'clauseHeading', content: text(heading) },
    { type: 'paragraph', content: text(body) },
  ],
})

/** A Russian source of three clauses (one with a sub-clause) and its English translation, which lacks the last clause. */
export const bilingualPair = (): { source: BilingualSource; target: BilingualSource } => ({
  source: {
    content: {
      type: 'doc',
      content: [
        { type: 'paragraph', content: text('Преамбула устава.') },
        {
          ...clause('scope', 'Сфера', 'Правила применяются к членам.'),
          content: [
            ...(clause('scope', 'Сфера', 'Правила применяются к членам.').content ?? []),
            clause('scope-a', 'Исключения', 'Наблюдатели не голосуют.', 'subclause'),
          ],
        },
        clause('data', 'Персональные данные', 'Персональные данные защищаются.'),
        clause('new', 'Новая статья', 'Добавлено позже.'),
      ],
    },
    meta: meta({ documentId: 'source', title: 'Устав', language: 'ru', versionName: undefined }),
  },
  target: {
    content: {
      type: 'doc',
      content: [
        { type: 'paragraph', content: text('Preamble of the charter.') },
        {
          ...clause('scope', 'Scope', 'The rules apply to members.'),
          content: [
            ...(clause('scope', 'Scope', 'The rules apply to members.').content ?? []),
            clause('scope-a', 'Exceptions', 'Observers do not vote.', 'subclause'),
          ],
        },
        clause('data', 'Personal data', 'Personal data is protected.'),
      ],
    },
    meta: meta({ documentId: 'target', title: 'Charter', language: 'en', versionName: undefined }),
  },
})
