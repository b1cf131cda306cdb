import { twoClauses, writeBody } from './editAs.js'
import type { ScopedTestServer } from './useTestServer.js'

/** Maria, a member, her new document "Charter" holding two clauses, and her synced client on it. */
export const memberWithCharter = async (t: ScopedTestServer) => {
  const member = await t.newUser('member', 'Maria Member')
  const docId = await t.newDocument(member.cookie, 'Charter')
  const m = t.client(docId, member.cookie)
  await m.synced()
  writeBody(m.doc, twoClauses)
  return { member, docId, m }
}
