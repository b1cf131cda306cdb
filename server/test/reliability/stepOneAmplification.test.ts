import * as encoding from 'lib0/encoding'
import { describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { writeSyncStep1 } from '../../src/collab/protocol.js'
import { rawSocket } from '../utils/rawSocket.js'
import { useTestServer } from '../utils/useTestServer.js'
import { startBystander } from './support/bystander.js'
import { reportFigure } from './support/figures.js'

const MAX_MESSAGE_BYTES = 1024 * 1024
const MiB = 1024 * 1024

/** An 8-byte sync step 1 naming one client the document has never seen. */
const unknownClientAsk = (): Uint8Array => {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, 1)
  encoding.writeVarUint(e, 1_000_000)
  encoding.writeVarUint(e, 0)
  return writeSyncStep1(encoding.toUint8Array(e))
}

describe('asking for the whole document again and again', () => {
  const t = useTestServer({ MAX_MESSAGE_BYTES: String(MAX_MESSAGE_BYTES) })

  it('an observer repeating an 8-byte sync step 1 gets answers within its allowance; everyone else is served', async () => {
    const member = await t.newUser('member')
    const observer = await t.newUser('observer')
    const docId = await t.newDocument(member.cookie)
    const writer = t.client(docId, member.cookie)
    await writer.synced()
    writer.doc.transact(() => {
      for (let i = 0; i < 60; i++) writer.type(`${i} ${'слово '.repeat(1000)}`)
    })
    const live = t.server.registry.loaded(docId)?.doc as Y.Doc
    await vi.waitFor(
      () => expect(live.getXmlFragment('default').length).toBe(writer.fragment.length),
      { timeout: 20_000 },
    )
    const documentBytes = Y.encodeStateAsUpdate(live).byteLength
    const bystander = await startBystander(t, member.cookie)

    const { ws, closed } = await rawSocket(`${t.wsUrl}/${docId}`, { cookie: observer.cookie })
    let open = true
    void closed.then(() => {
      open = false
    })
    let received = 0
    ws.on('message', (data: Buffer) => {
      received += data.byteLength
    })
    const frame = unknownClientAsk()
    expect(frame.byteLength).toBe(8)
    const started = performance.now()
    for (let i = 0; i < 50; i++) ws.send(frame)
    // Everyone else keeps being served meanwhile, a newcomer to this document included.
    await bystander.roundTrip()
    const newcomer = t.client(docId, member.cookie)
    await newcomer.synced()
    // Answers within the allowance: 2 × MAX_MESSAGE_BYTES at once, an eighth of it a second
    // after, and one answer past it (the one that ran into debt). Unbounded: 50 × ~700 KB.
    let mostAhead = Number.NEGATIVE_INFINITY
    const until = performance.now() + 3000
    while (performance.now() < until) {
      const allowance =
        2 * MAX_MESSAGE_BYTES +
        (MAX_MESSAGE_BYTES / 8) * ((performance.now() - started) / 1000) +
        documentBytes +
        64 * 1024
      mostAhead = Math.max(mostAhead, received - allowance)
      await new Promise((r) => setTimeout(r, 50))
    }
    expect(mostAhead).toBeLessThanOrEqual(0)
    expect(open).toBe(true)
    await bystander.roundTrip()
    bystander.destroy()
    ws.close()
    reportFigure('22 sync step 1 amplification', {
      frameBytes: frame.byteLength,
      asked: 50,
      documentKiB: Math.round(documentBytes / 1024),
      sentInFirst3sMiB: Math.round((received / MiB) * 10) / 10,
      unboundedWouldBeMiB: Math.round(((50 * documentBytes) / MiB) * 10) / 10,
    })
  })
})
