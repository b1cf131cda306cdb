import { describe, expect, it, vi } from 'vitest'
import { useTestServer } from './utils/useTestServer.js'

describe('co-editing through the real server', () => {
  const t = useTestServer()

  it('two members converge, and a third joining late receives the whole text', async () => {
    const { docId, a, b } = await t.twoMembersInOneDocument()

    a.type('Статья 1. Каждый имеет право на доступ к интернету.')
    b.type('Article 2. Everyone has the right to privacy.')
    await vi.waitFor(() => {
      expect(a.fragment.length).toBe(2)
      expect(b.fragment.length).toBe(2)
    })
    expect(a.text()).toBe(b.text())

    const carol = await t.newUser('observer', 'Carol')
    const c = t.client(docId, carol.cookie)
    await c.synced()
    await vi.waitFor(() => expect(c.text()).toBe(a.text()))
    expect(c.text()).toContain('Каждый имеет право')
  })

  it('keeps the text across a server restart, and open clients reconnect by themselves', async () => {
    const alice = await t.newUser('member')
    const docId = await t.newDocument(alice.cookie)
    const a = t.client(docId, alice.cookie)
    await a.synced()
    a.type('Сохранённый текст')
    await t.restart()
    // The session lives in the database, so the same cookie still works after the restart.
    await vi.waitFor(() => expect(a.provider.wsconnected).toBe(true), { timeout: 10_000 })
    a.type('После перезапуска')

    const fresh = t.client(docId, alice.cookie)
    await fresh.synced()
    await vi.waitFor(() => expect(fresh.text()).toBe('Сохранённый текст\nПосле перезапуска'))
    await t.restart()
    const afterSecondRestart = t.client(docId, alice.cookie)
    await afterSecondRestart.synced()
    await vi.waitFor(() =>
      expect(afterSecondRestart.text()).toBe('Сохранённый текст\nПосле перезапуска'),
    )
  })
})
