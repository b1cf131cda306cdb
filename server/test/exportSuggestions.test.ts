import { describe, expect, it, vi } from 'vitest'
import { memberWithCharter } from './utils/charter.js'
import { editAs, posOf, suggestionsIn } from './utils/editAs.js'
import { useTestServer } from './utils/useTestServer.js'

// The test polls the export until the suggestions are in: past the per-minute limit.
const t = useTestServer({ EXPORTS_PER_MINUTE: '1000' })

describe('export with open suggestions', () => {
  it('is clean by default, a review copy with suggestions=tracked, and refuses another mode', async () => {
    const { member, docId, m } = await memberWithCharter(t)
    const author = { authorId: member.user.id, authorName: member.user.name }
    // A member in suggest mode: adds " all" and proposes to delete "what they say".
    editAs(m.doc, (tr) => tr.insertText(' all', posOf(tr.doc, ' members')), author)
    editAs(
      m.doc,
      (tr) => {
        const at = posOf(tr.doc, 'what they say')
        tr.delete(at, at + 'what they say'.length)
      },
      author,
    )
    await vi.waitFor(() => expect(suggestionsIn(m.doc)).toHaveLength(2))
    const md = async (query: string) => {
      const res = await fetch(`${t.url}/api/documents/${docId}/export?format=md${query}`, {
        headers: { cookie: member.cookie },
      })
      return { status: res.status, text: await res.text() }
    }
    // The first export also starts a worker thread: allow for it on a busy machine.
    await vi.waitFor(
      async () => {
        expect((await md('&suggestions=tracked')).text).toContain('apply to {++all++} members.')
      },
      { timeout: 20_000 },
    )
    const tracked = (await md('&suggestions=tracked')).text
    expect(tracked).toContain('{--what they say--}')
    for (const query of ['', '&suggestions=clean']) {
      const clean = await md(query)
      expect(clean.status).toBe(200)
      expect(clean.text).toContain('The rules apply to members.')
      expect(clean.text).toContain('Words mean what they say.')
      expect(clean.text).not.toMatch(/\{\+\+|\{--|apply to all/)
    }
    const bad = await t.api<{ error: { code: string; message: string } }>(
      'GET',
      `/api/documents/${docId}/export?format=md&suggestions=accepted`,
      { cookie: member.cookie },
    )
    expect(bad.status).toBe(400)
    expect(bad.body.error.code).toBe('validation_failed')
    expect(bad.body.error.message).toContain('clean, tracked')
    const activity = await t.api<{
      entries: { action: string; details: Record<string, unknown> | null }[]
    }>('GET', `/api/documents/${docId}/activity`, { cookie: member.cookie })
    expect(
      activity.body.entries.filter((e) => e.action === 'document.exported').map((e) => e.details),
    ).toContainEqual(expect.objectContaining({ suggestions: 'tracked' }))
  })
})
