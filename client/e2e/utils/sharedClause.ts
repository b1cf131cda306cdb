import { jsonToUpdate } from '@accord/schema'
import type { Page } from 'playwright-core'
import { sendRawUpdate } from './rawUpdate'
import type { BrowserSession } from './useBrowserSession'

/**
 * The lines of the one clause everybody types in. No word is one letter long, so none can be
 * mistaken for the end of a word someone is in the middle of typing.
 */
export const CLAUSE = {
  heading: 'Право на информацию',
  body: 'Каждый имеет право на доступ.',
  subheading: 'Порядок доступа',
  subbody: 'Запрос подается письменно.',
} as const

export type ClauseLine = keyof typeof CLAUSE

/** Where each line is in the editor. */
export const CLAUSE_LINE_SELECTOR: Record<ClauseLine, string> = {
  heading: '.ProseMirror section.clause > h2.clause-heading',
  body: '.ProseMirror section.clause > p',
  subheading: '.ProseMirror section.subclause > h2.clause-heading',
  subbody: '.ProseMirror section.subclause > p',
}

/**
 * A new document holding a preamble paragraph and one clause with a heading, a body paragraph
 * and a sub-clause, written in before anyone opens it; returns its URL.
 */
export const newSharedClause = async (
  session: BrowserSession,
  author: Page,
  cookie: string,
): Promise<string> => {
  const { id } = await session.server.api<{ id: string }>('POST', '/api/documents', cookie, {
    title: 'Одна статья на троих',
  })
  const update = jsonToUpdate({
    type: 'doc',
    content: [
      { type: 'paragraph', content: [{ type: 'text', text: 'Преамбула.' }] },
      {
        type: 'clause',
        attrs: { id: 'cShared00001' },
        content: [
          { type: 'clauseHeading', content: [{ type: 'text', text: CLAUSE.heading }] },
          { type: 'paragraph', content: [{ type: 'text', text: CLAUSE.body }] },
          {
            type: 'subclause',
            attrs: { id: 'cShared00002' },
            content: [
              { type: 'clauseHeading', content: [{ type: 'text', text: CLAUSE.subheading }] },
              { type: 'paragraph', content: [{ type: 'text', text: CLAUSE.subbody }] },
            ],
          },
        ],
      },
    ],
  })
  await sendRawUpdate(author, session.server.url, id, update)
  return `${session.server.url}/documents/${id}`
}
