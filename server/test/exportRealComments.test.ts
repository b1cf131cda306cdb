import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, it, vi } from 'vitest'
import { anchorOnWords, textStarting } from './utils/anchors.js'
import { twoClauses, writeBody } from './utils/editAs.js'
import { useTestServer } from './utils/useTestServer.js'

const t = useTestServer()

describe('a review copy with real comments', () => {
  it('places each open thread on the words its anchor covers now, also after they were edited', async () => {
    const member = await t.newUser('member', 'Maria Member')
    const docId = await t.newDocument(member.cookie, 'Charter')
    const m = t.client(docId, member.cookie)
    await m.synced()
    writeBody(m.doc, twoClauses)
    const posted = await t.api('POST', `/api/documents/${docId}/comments`, {
      cookie: member.cookie,
      body: {
        body: 'Which members?',
        quote: 'members',
        anchor: anchorOnWords(m.doc, 'The rules', 'members'),
        clauseId: 'scope',
      },
    })
    expect(posted.status).toBe(201)
    // The words change inside the anchor: the quote no longer matches, the anchor still does.
    const text = textStarting(m.doc, 'The rules')
    text.insert(text.toString().indexOf('members') + 3, '-')
    await vi.waitFor(async () => {
      const res = await fetch(`${t.url}/api/documents/${docId}/export?format=docx&comments=open`, {
        headers: { cookie: member.cookie },
      })
      expect(res.status).toBe(200)
      const files = unzipSync(new Uint8Array(await res.arrayBuffer()))
      const document = strFromU8(files['word/document.xml'] ?? new Uint8Array())
      const range = /<w:commentRangeStart w:id="0"\/>(.*?)<w:commentRangeEnd w:id="0"\/>/s.exec(
        document,
      )?.[1]
      const words = [...(range ?? '').matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
        .map((w) => w[1])
        .join('')
      expect(words).toBe('mem-bers')
      expect(strFromU8(files['word/comments.xml'] ?? new Uint8Array())).toContain('Which members?')
    }, 30_000)
    m.destroy()
  })
})
