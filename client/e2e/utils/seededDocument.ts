import type { Page } from 'playwright-core'
import * as Y from 'yjs'
import { sendRawUpdate } from './rawUpdate'
import type { BrowserSession, NewPerson } from './useBrowserSession'

/** A paragraph of `text`, as the editor's binding keeps it in Yjs. */
export const yParagraph = (text: string): Y.XmlElement => {
  const block = new Y.XmlElement('paragraph')
  block.insert(0, [new Y.XmlText(text)])
  return block
}

export interface SeededDocument {
  id: string
  url: string
  /** The author's session cookie, for the API. */
  cookie: string
  /** The author's page, signed in on the server's origin, for further raw updates. */
  authorPage: Page
  /** The author's copy of the text, as sent. */
  doc: Y.Doc
}

/**
 * A new document whose text is `blocks`, written by its author as a raw Yjs client (no
 * editor of the author's touches it), so a test controls exactly what others open.
 */
export const seededDocument = async (
  session: BrowserSession,
  author: NewPerson,
  title: string,
  blocks: Y.XmlElement[],
): Promise<SeededDocument> => {
  const { server } = session
  const person = await server.newUser(author.role, author.name)
  const cookie = await server.signIn(person.email, person.password)
  const { id } = await server.api<{ id: string }>('POST', '/api/documents', cookie, { title })
  const doc = new Y.Doc()
  doc.getXmlFragment('default').insert(0, blocks)
  const authorPage = await session.signedIn(person.email, person.password)
  await sendRawUpdate(authorPage, server.url, id, Y.encodeStateAsUpdate(doc))
  return { id, url: `${server.url}/documents/${id}`, cookie, authorPage, doc }
}
