import { describe, expect, it, vi } from 'vitest'
import { useTestServer } from '../utils/useTestServer.js'
import { startBystander } from './support/bystander.js'
import { reportFigure } from './support/figures.js'

describe('a burst from a well-behaved client', () => {
  const t = useTestServer()

  it('a stock y-websocket provider sending 2,000 updates at once (a script filling a document) is slowed, never closed, and every edit arrives', async () => {
    const { cookie } = await t.newUser('member')
    const docId = await t.newDocument(cookie)
    const script = t.client(docId, cookie)
    const reader = t.client(docId, cookie)
    await Promise.all([script.synced(), reader.synced()])
    const closes: number[] = []
    script.provider.on('connection-close', (event) => {
      if (event) closes.push(event.code)
    })
    const bystander = await startBystander(t, cookie)
    // Far beyond MAX_MESSAGES_PER_SECOND (200, bursts of 400): 2,000 frames in one tick.
    const lines = Array.from({ length: 2000 }, (_, i) => `line ${i}`)
    for (const line of lines) script.type(line)
    await bystander.roundTrip()
    await vi.waitFor(() => expect(reader.text()).toBe(lines.join('\n')), {
      timeout: 60_000,
      interval: 200,
    })
    const live = t.server.registry.loaded(docId)?.doc.getXmlFragment('default')
    expect(live?.length).toBe(script.fragment.length)
    expect(closes).toEqual([])
    expect(script.provider.wsconnected).toBe(true)
    bystander.destroy()
    reportFigure('23 provider burst', { updates: 2000, arrived: 2000, closes: closes.length })
  })
})
