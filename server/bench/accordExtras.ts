/**
 * The measurements beyond the harness: a cold load from SQLite after a restart, RSS with
 * 1,000 documents opened once and left idle, and the database size after 100,000 edits.
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import * as Y from 'yjs'
import { connectClient, headerRecord, largeDocument } from './benchClient.js'
import { freePort, type Launcher } from './launchers.js'
import { median, rssMB, sleep } from './procStats.js'

const log = (message: string) => process.stderr.write(`[bench] ${message}\n`)

export interface ColdLoad {
  /** ms from opening the socket to the applied SyncStep2, per restart. */
  runsMs: number[]
  medianMs: number
  docBytes: number
}

/** Seeds a 1 MiB document, then restarts the server `restarts` times and times the first sync. */
export const measureColdLoad = async (launch: Launcher, restarts: number): Promise<ColdLoad> => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'accord-bench-cold-'))
  try {
    const first = await launch({ port: await freePort(), dataDir })
    const { rooms, headers } = await first.prepareRooms(1)
    const room = rooms[0] as string
    const seeder = await connectClient(`${first.wsUrl}/${room}`, headerRecord(headers))
    const seed = largeDocument(1024)
    seeder.send(Y.encodeStateAsUpdate(seed))
    await seeder.roundTrip()
    await seeder.close()
    // SIGTERM writes every pending update and compacts.
    await first.stop()
    const runsMs: number[] = []
    let docBytes = 0
    for (let i = 0; i < restarts; i++) {
      const server = await launch({ port: await freePort(), dataDir })
      // Logging in first, so the timing covers the upgrade, the load and the sync only.
      const { headers: fresh } = await server.prepareRooms(0)
      const client = await connectClient(`${server.wsUrl}/${room}`, headerRecord(fresh))
      const paragraphs = client.doc.getXmlFragment('default').length
      if (paragraphs < 1024) throw new Error(`cold load returned ${paragraphs} paragraphs`)
      runsMs.push(client.syncedInMs)
      docBytes = client.syncBytes
      await client.close()
      await server.stop()
    }
    return { runsMs, medianMs: median(runsMs), docBytes }
  } finally {
    rmSync(dataDir, { recursive: true, force: true })
  }
}

export interface IdleRooms {
  documents: number
  baselineMB: number
  peakMB: number
  afterIdleMB: number
  idleWaitS: number
}

/** Opens `count` documents once each (connect, sync, close), then waits past the idle unload. */
export const measureIdleRooms = async (
  launch: Launcher,
  count: number,
  idleUnloadMs: number,
): Promise<IdleRooms> => {
  const server = await launch({
    port: await freePort(),
    env: { IDLE_UNLOAD_MS: String(idleUnloadMs) },
  })
  try {
    const { rooms, headers } = await server.prepareRooms(count)
    await sleep(1000)
    const baselineMB = rssMB(server.pid)
    let peakMB = baselineMB
    let next = 0
    const worker = async () => {
      while (next < rooms.length) {
        const room = rooms[next++] as string
        const client = await connectClient(`${server.wsUrl}/${room}`, headerRecord(headers))
        await client.close()
        if (next % 50 === 0) peakMB = Math.max(peakMB, rssMB(server.pid))
      }
    }
    await Promise.all(Array.from({ length: 8 }, worker))
    peakMB = Math.max(peakMB, rssMB(server.pid))
    const idleWaitMs = idleUnloadMs + 10_000
    await sleep(idleWaitMs)
    return {
      documents: count,
      baselineMB,
      peakMB,
      afterIdleMB: rssMB(server.pid),
      idleWaitS: idleWaitMs / 1000,
    }
  } finally {
    await server.stop()
  }
}

export interface StorageSize {
  edits: number
  fileBytes: number
  stateBytes: number
  ratio: number
}

/**
 * 100,000 small edits (inserts of 1–4 characters at random places, one in seven a deletion)
 * from 10 clients, each sent as its own update; then a clean shutdown and the file size.
 */
export const measureStorage = async (launch: Launcher, edits: number): Promise<StorageSize> => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'accord-bench-size-'))
  try {
    // The per-socket message limit (200/s by default) would stretch this to minutes.
    const server = await launch({
      port: await freePort(),
      dataDir,
      env: { MAX_MESSAGES_PER_SECOND: '1000000' },
    })
    const { rooms, headers } = await server.prepareRooms(1)
    const url = `${server.wsUrl}/${rooms[0] as string}`
    const writers = 10
    const perWriter = Math.ceil(edits / writers)
    let seed = 42
    const random = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff
      return seed / 0x7fffffff
    }
    await Promise.all(
      Array.from({ length: writers }, async (_, w) => {
        const doc = new Y.Doc()
        const client = await connectClient(url, headerRecord(headers), doc)
        const fragment = doc.getXmlFragment('default')
        const text = new Y.XmlText()
        const send = (update: Uint8Array, origin: unknown) => {
          if (origin !== 'server') client.send(update)
        }
        doc.on('update', send)
        doc.transact(() => {
          const p = new Y.XmlElement('paragraph')
          p.insert(0, [text])
          fragment.insert(0, [p])
        })
        for (let i = 0; i < perWriter; i++) {
          if (text.length > 4 && random() < 1 / 7) {
            text.delete(Math.floor(random() * text.length), 1)
          } else {
            const at = Math.floor(random() * (text.length + 1))
            text.insert(at, 'abcd'.slice(0, 1 + Math.floor(random() * 4)))
          }
          if (i % 500 === 499) await client.roundTrip()
        }
        await client.roundTrip()
        doc.off('update', send)
        await client.close()
        if (w === 0) log(`storage: writer 0 done (${perWriter} edits)`)
      }),
    )
    const reader = await connectClient(url, headerRecord(headers))
    const stateBytes = reader.syncBytes
    await reader.close()
    await server.stop()
    const fileBytes = readdirSync(dataDir)
      .filter((name) => name.startsWith('accord.sqlite'))
      .reduce((sum, name) => sum + statSync(path.join(dataDir, name)).size, 0)
    return { edits: perWriter * writers, fileBytes, stateBytes, ratio: fileBytes / stateBytes }
  } finally {
    rmSync(dataDir, { recursive: true, force: true })
  }
}
