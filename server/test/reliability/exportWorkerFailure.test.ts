import { describe, expect, it, vi } from 'vitest'
import { exportAs } from '../utils/exportAs.js'
import { newTestClient } from '../utils/newTestClient.js'
import { newTestServer, type TestServer } from '../utils/newTestServer.js'
import { writeLongDocument } from '../utils/writeLongDocument.js'

/**
 * After a failed export the server serves on: health answers, an editor's change reaches
 * another client, and an export that fits works again (on a fresh worker, which may take a
 * few tries while it starts).
 */
const expectServing = async (t: TestServer, cookie: string) => {
  expect((await fetch(`${t.url}/api/health`)).status).toBe(200)
  const id = await t.newDocument(cookie, 'Short text')
  const a = newTestClient(t.wsUrl, id, cookie)
  const b = newTestClient(t.wsUrl, id, cookie)
  try {
    await Promise.all([a.synced(), b.synced()])
    a.type('still editing')
    await vi.waitFor(() => expect(b.text()).toContain('still editing'))
  } finally {
    a.destroy()
    b.destroy()
  }
  await vi.waitFor(async () => expect((await exportAs(t.url, cookie, id, 'md')).status).toBe(200), {
    timeout: 60_000,
    interval: 200,
  })
}

describe('an export whose worker fails', () => {
  it('runs out of time: its worker is stopped, 503 export_failed with Retry-After, the server serves on', async () => {
    // A 3,000-paragraph PDF takes several seconds of CPU anywhere; two are allowed.
    const t = await newTestServer({ EXPORT_TIMEOUT_MS: '2000' })
    try {
      const member = await t.newUser('member')
      const id = await t.newDocument(member.cookie, 'Long standard')
      await writeLongDocument(t.wsUrl, id, member.cookie, 3000)
      const started = performance.now()
      const answer = await exportAs(t.url, member.cookie, id, 'pdf')
      expect(answer.status).toBe(503)
      expect(answer.code).toBe('export_failed')
      expect(Number(answer.retryAfter)).toBeGreaterThanOrEqual(1)
      // Stopped at the limit, not left to finish.
      expect(performance.now() - started).toBeLessThan(20_000)
      await expectServing(t, member.cookie)
    } finally {
      await t.close()
    }
  }, 180_000)

  it('runs out of memory: only its worker dies, 500 export_failed, the server serves on', async () => {
    // 32 MiB hold the renderer and a short text, not a 3,000-paragraph one.
    const t = await newTestServer({ EXPORT_WORKER_MEMORY_MB: '32' })
    try {
      const member = await t.newUser('member')
      const id = await t.newDocument(member.cookie, 'Long standard')
      await writeLongDocument(t.wsUrl, id, member.cookie, 3000)
      const answer = await exportAs(t.url, member.cookie, id, 'pdf')
      expect(answer.status).toBe(500)
      expect(answer.code).toBe('export_failed')
      await expectServing(t, member.cookie)
    } finally {
      await t.close()
    }
  }, 180_000)

  it('is under way when the server stops: answered 503 at once, its worker stopped, shutdown not held up', async () => {
    const t = await newTestServer({ EXPORT_WORKERS: '1', EXPORTS_PER_ACCOUNT: '2' })
    const member = await t.newUser('member')
    const id = await t.newDocument(member.cookie, 'Long standard')
    await writeLongDocument(t.wsUrl, id, member.cookie, 3000)
    // Three long PDFs for an account allowed two: whichever comes third is refused at once,
    // so once a refusal is in, the other two are rendering and waiting.
    const answers = [0, 1, 2].map(() => exportAs(t.url, member.cookie, id, 'pdf'))
    const refused = await Promise.race(answers)
    expect(refused.status).toBe(429)
    const stopping = performance.now()
    await t.close()
    const stopMs = performance.now() - stopping
    const settled = await Promise.all(answers)
    expect(settled.filter((answer) => answer.status === 429)).toHaveLength(1)
    for (const answer of settled.filter((answer) => answer.status !== 429)) {
      expect(answer.status).toBe(503)
      expect(answer.code).toBe('export_failed')
    }
    // A 3,000-paragraph PDF takes seconds to render; shutdown did not wait for it.
    expect(stopMs).toBeLessThan(5000)
  }, 180_000)
})
