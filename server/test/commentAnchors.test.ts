import type { CommentThread } from '@accord/protocol'
import { describe, expect, it, vi } from 'vitest'
import { anchoredText, anchorOver, firstText } from './utils/anchors.js'
import { useTestServer } from './utils/useTestServer.js'

describe('a comment stays on the same words while others edit', () => {
  const t = useTestServer()

  const setup = async () => {
    const { alice, docId, a, b } = await t.twoMembersInOneDocument()
    a.type('Каждый имеет право на неприкосновенность частной жизни.')
    await vi.waitFor(() => expect(b.text()).toContain('частной жизни'))
    const index = 'Каждый имеет право на '.length
    const quote = 'неприкосновенность'
    const res = await t.api<{ thread: CommentThread }>('POST', `/api/documents/${docId}/comments`, {
      cookie: alice.cookie,
      body: {
        body: 'Уточнить формулировку',
        quote,
        anchor: anchorOver(a.doc, index, quote.length),
      },
    })
    expect(res.status).toBe(201)
    return { a, b, docId, alice, thread: res.body.thread }
  }

  it('survives insertions before and inside the range by two real clients', async () => {
    const { a, b, docId, alice, thread } = await setup()
    firstText(b.doc).insert(0, 'Статья 1. ')
    firstText(a.doc).insert('Каждый имеет право на непри'.length, '-')
    await vi.waitFor(() => expect(a.text()).toBe(b.text()))
    expect(a.text()).toBe('Статья 1. Каждый имеет право на непри-косновенность частной жизни.')

    // The stored anchor, read back from the API, covers the same words in every copy.
    const listed = await t.api<{ threads: CommentThread[] }>(
      'GET',
      `/api/documents/${docId}/comments`,
      {
        cookie: alice.cookie,
      },
    )
    const anchor = listed.body.threads[0]?.anchor ?? thread.anchor
    expect(anchoredText(a.doc, anchor)).toBe('непри-косновенность')
    expect(anchoredText(b.doc, anchor)).toBe('непри-косновенность')
    const late = t.client(docId, alice.cookie)
    await late.synced()
    await vi.waitFor(() => expect(anchoredText(late.doc, anchor)).toBe('непри-косновенность'))
  })

  it('keeps a comment posted just after someone removed its paragraph, as on removed text', async () => {
    const { b, docId, alice } = await setup()
    const anchor = anchorOver(b.doc, 'Каждый '.length, 'имеет'.length)
    // While Alice writes her comment, Bob removes the whole paragraph.
    b.fragment.delete(0, 1)
    await vi.waitFor(async () => {
      const res = await t.api<{ thread: CommentThread }>(
        'POST',
        `/api/documents/${docId}/comments`,
        { cookie: alice.cookie, body: { body: 'Не терять', quote: 'имеет', anchor } },
      )
      expect(res.status).toBe(201)
      expect(anchoredText(b.doc, res.body.thread.anchor)).toBe('')
    })
  })

  it('reports the text as removed when the range is deleted, and the thread stays', async () => {
    const { a, b, docId, alice, thread } = await setup()
    firstText(b.doc).delete('Каждый имеет право на '.length, 'неприкосновенность '.length)
    await vi.waitFor(() => expect(a.text()).toBe('Каждый имеет право на частной жизни.'))
    expect(anchoredText(a.doc, thread.anchor)).toBe('')
    const listed = await t.api<{ threads: CommentThread[] }>(
      'GET',
      `/api/documents/${docId}/comments`,
      {
        cookie: alice.cookie,
      },
    )
    expect(listed.body.threads[0]).toMatchObject({ quote: 'неприкосновенность', status: 'open' })
    const resolved = await t.api('PATCH', `/api/documents/${docId}/comments/${thread.id}`, {
      cookie: alice.cookie,
      body: { status: 'resolved' },
    })
    expect(resolved.status).toBe(200)
  })
})
