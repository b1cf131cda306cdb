import { jsonToUpdate } from '@accord/schema'
import { charterClauses } from '@accord/test-support'
import type { JSONContent } from '@tiptap/core'
import type { Page } from 'playwright-core'
import { sendRawUpdate } from './rawUpdate'
import type { BrowserSession } from './useBrowserSession'

interface Person {
  email: string
  password: string
}

export interface WrittenSource {
  sourceId: string
  /** The author's session cookie, for the API. */
  cookie: string
  /** The author's browser, on the source. */
  page: Page
}

/**
 * A source document «Устав» that `author` creates and opens in a browser, with `clauses`
 * (default: the three of `charterClauses()`) written in before anyone edits it.
 */
export const writtenSource = async (
  session: BrowserSession,
  author: Person,
  clauses: JSONContent[] = charterClauses(),
): Promise<WrittenSource> => {
  const { server } = session
  const cookie = await server.signIn(author.email, author.password)
  const { id: sourceId } = await server.api<{ id: string }>('POST', '/api/documents', cookie, {
    title: 'Устав',
  })
  const page = await session.openDocument(
    author.email,
    author.password,
    `${server.url}/documents/${sourceId}`,
  )
  await sendRawUpdate(page, server.url, sourceId, jsonToUpdate({ type: 'doc', content: clauses }))
  return { sourceId, cookie, page }
}

export interface TranslationOptions {
  clauses?: JSONContent[]
  /** Default English. */
  language?: string
  /** `source` to start the translation with the source's text. */
  fill?: 'source'
}

/** A written source (`author` must be a coordinator) and its translation, added by `author`. */
export const documentWithTranslation = async (
  session: BrowserSession,
  author: Person,
  { clauses, language = 'en', fill }: TranslationOptions = {},
): Promise<WrittenSource & { translationId: string }> => {
  const source = await writtenSource(session, author, clauses)
  const { document } = await session.server.api<{ document: { id: string } }>(
    'POST',
    `/api/documents/${source.sourceId}/languages`,
    source.cookie,
    fill ? { language, fill } : { language },
  )
  return { ...source, translationId: document.id }
}
