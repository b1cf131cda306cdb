import type { DocumentInfo } from '@accord/protocol'
import { docToJSON } from '@accord/schema'
import { charterClauses } from '@accord/test-support'
import type { JSONContent } from '@tiptap/core'
import { expect, vi } from 'vitest'
import { writeBody } from './editAs.js'
import type { TestClient } from './newTestClient.js'
import type { TestServer } from './newTestServer.js'
import type { ScopedTestServer } from './useTestServer.js'

type Person = Awaited<ReturnType<TestServer['newUser']>>

export interface SourceOptions {
  /** The source's body; default: the three clauses of `charterClauses()`. */
  source?: JSONContent
  /** Who creates and writes it; default: a new coordinator, Chris Coordinator. */
  coordinator?: Person
  /** Default «Устав». */
  title?: string
}

export interface WrittenSource {
  coordinator: Person
  sourceId: string
  /** The coordinator's client on the source, the one that wrote it. */
  editor: TestClient
}

/** A source document written through its coordinator's client. */
export const writtenSource = async (
  t: ScopedTestServer,
  {
    source = { type: 'doc', content: charterClauses() },
    coordinator,
    title = 'Устав',
  }: SourceOptions = {},
): Promise<WrittenSource> => {
  const author = coordinator ?? (await t.newUser('coordinator', 'Chris Coordinator'))
  const sourceId = await t.newDocument(author.cookie, title)
  const editor = t.client(sourceId, author.cookie)
  await editor.synced()
  writeBody(editor.doc, source)
  // The server has the text once a fresh reader sees it.
  const reader = t.client(sourceId, author.cookie)
  await vi.waitFor(() => expect(docToJSON(reader.doc)).toEqual(docToJSON(editor.doc)), {
    timeout: 10_000,
  })
  reader.destroy()
  return { coordinator: author, sourceId, editor }
}

export interface TranslationOptions extends SourceOptions {
  /** The translation's language; default English. */
  language?: string
  /** `source` to start the translation with the source's text. */
  fill?: 'source'
}

/** A written source and its translation, added by the source's coordinator. */
export const documentWithTranslation = async (
  t: ScopedTestServer,
  { language = 'en', fill, ...options }: TranslationOptions = {},
): Promise<WrittenSource & { translation: DocumentInfo }> => {
  const source = await writtenSource(t, options)
  const added = await t.api<{ document: DocumentInfo }>(
    'POST',
    `/api/documents/${source.sourceId}/languages`,
    { cookie: source.coordinator.cookie, body: fill ? { language, fill } : { language } },
  )
  expect(added.status).toBe(201)
  return { ...source, translation: added.body.document }
}
