/**
 * The hostile cases of issue 14, each run against a fresh server while a bystander edits
 * another document. Each returns its own figures plus the probes' (see probes.ts).
 */
import * as encoding from 'lib0/encoding'
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { writeSyncStep1, writeUpdate } from '../../src/collab/protocol.js'
import { connectClient, headerRecord } from '../benchClient.js'
import type { AccordHandle } from '../launchers.js'
import { sleep } from '../procStats.js'
import { cpuMs, type ProbeFigures, startProbes } from './probes.js'
import { openRawClient } from './rawClient.js'

export type Figures = Record<string, number | string>
export type HostileCase = (server: AccordHandle) => Promise<Figures & Partial<ProbeFigures>>

/** One paragraph per line of `count`, each `chars` long: a long standard's body. */
const paragraphDocument = (count: number, chars: number): Uint8Array => {
  const doc = new Y.Doc()
  const fragment = doc.getXmlFragment('default')
  const text = 'A member of the working group may propose an amendment to a clause. '
    .repeat(Math.ceil(chars / 68))
    .slice(0, chars)
  doc.transact(() => {
    for (let i = 0; i < count; i++) {
      const p = new Y.XmlElement('paragraph')
      p.insert(0, [new Y.XmlText(`${i} ${text}`)])
      fragment.insert(fragment.length, [p])
    }
  })
  return Y.encodeStateAsUpdate(doc)
}

/** Writes `update` into a document through a member's socket and waits until it is applied. */
const seed = async (server: AccordHandle, room: string, update: Uint8Array) => {
  const writer = await openRawClient(
    `${server.wsUrl}/${room}`,
    await server.accountHeaders('member'),
  )
  writer.send(writeUpdate(update))
  await writer.drained(60_000)
  writer.close()
}

/** Two rooms of the launcher's member: one for the case, one for the bystander. */
const rooms = async (server: AccordHandle) => {
  const prepared = await server.prepareRooms(2)
  return {
    room: prepared.rooms[0] as string,
    bystanderRoom: prepared.rooms[1] as string,
    headers: headerRecord(prepared.headers),
  }
}

/**
 * An update whose predecessor never arrives: a 2.3 MiB paste (u1) that depends on a small
 * first edit (u0) the client withholds, then 200 one-character updates that depend on u1.
 */
export const pendingStructs: HostileCase = async (server) => {
  const { room, bystanderRoom, headers } = await rooms(server)
  const local = new Y.Doc()
  const frames: Uint8Array[] = []
  local.on('update', (update: Uint8Array) => frames.push(writeUpdate(update)))
  const paragraph = new Y.XmlElement('paragraph')
  const text = new Y.XmlText('x')
  paragraph.insert(0, [text])
  local.getXmlFragment('default').insert(0, [paragraph])
  text.insert(1, 'a'.repeat(2.3 * 1024 * 1024))
  for (let i = 0; i < 200; i++) text.insert(text.length, 'b')
  frames.shift() // u0, withheld

  const attacker = await openRawClient(
    `${server.wsUrl}/${room}`,
    await server.accountHeaders('member'),
  )
  const probes = await startProbes(server, bystanderRoom, headers)
  const started = performance.now()
  for (const frame of frames) attacker.send(frame)
  const outcome = await attacker.drained(120_000)
  const ms = Math.round(performance.now() - started)
  await sleep(500)
  const probed = await probes.stop()
  attacker.close()
  return {
    framesSent: frames.length,
    smallFramesBytes: frames.slice(1).reduce((n, f) => n + f.byteLength, 0),
    firstFrameMiB: Math.round(((frames[0]?.byteLength ?? 0) / 2 ** 20) * 10) / 10,
    untilReadOrClosedMs: ms,
    closeCode: outcome.closed ?? 'open',
    ...probed,
  }
}

/** An 8-byte sync step 1 naming a client the document has never seen. */
const unknownClientStep1 = (): Uint8Array => {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, 1)
  encoding.writeVarUint(e, 1_000_000)
  encoding.writeVarUint(e, 0)
  return writeSyncStep1(encoding.toUint8Array(e))
}

/** An observer asks 661 times for "everything since a client you never saw" (the whole document). */
export const stepOneAmplification: HostileCase = async (server) => {
  const { room, bystanderRoom, headers } = await rooms(server)
  await seed(server, room, paragraphDocument(3000, 150))
  const observer = await openRawClient(
    `${server.wsUrl}/${room}`,
    await server.accountHeaders('observer'),
  )
  await observer.drained(30_000)
  const fullState = observer.received.bytes
  const frame = unknownClientStep1()
  const count = 661
  const probes = await startProbes(server, bystanderRoom, headers)
  const before = { ...observer.received }
  const started = performance.now()
  // 15 every 100 ms: under the default 200 messages per second, as a patient attacker sends.
  for (let sent = 0; sent < count; sent += 15) {
    for (let i = sent; i < Math.min(count, sent + 15); i++) observer.send(frame)
    await sleep(100)
  }
  const outcome = await observer.answers(before.answers + count, 30_000)
  const ms = Math.round(performance.now() - started)
  const probed = await probes.stop()
  observer.close()
  return {
    frameBytes: frame.byteLength,
    frames: count,
    documentKiB: Math.round(fullState / 1024),
    answered: observer.received.answers - before.answers,
    sentToAttackerMiB: Math.round((observer.received.bytes - before.bytes) / 2 ** 20),
    windowMs: ms,
    closeCode: outcome.closed ?? (outcome.timedOut ? 'open, still answering at 30 s' : 'open'),
    ...probed,
  }
}

/** A member in review suggests one character at a time in a 3,000-paragraph document. */
export const reviewCheck: HostileCase = async (server) => {
  const { room, bystanderRoom, headers } = await rooms(server)
  await seed(server, room, paragraphDocument(3000, 150))
  await server.adminCall('PATCH', `/api/documents/${room}`, { status: 'review' })
  const memberHeaders = await server.accountHeaders('member')
  const me = (await (await fetch(`${server.url}/api/me`, { headers: memberHeaders })).json()) as {
    user: { id: string; name: string }
  }
  const member = await connectClient(`${server.wsUrl}/${room}`, memberHeaders)
  member.doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== 'server') member.send(update)
  })
  const fragment = member.doc.getXmlFragment('default')
  const count = 100
  const probes = await startProbes(server, bystanderRoom, headers)
  const cpuBefore = cpuMs(server.pid)
  const trips: number[] = []
  for (let i = 0; i < count; i++) {
    const paragraph = fragment.get(i * 29) as Y.XmlElement
    const text = paragraph.get(0) as Y.XmlText
    member.doc.transact(() =>
      text.insert(0, 'x', {
        insertion: {
          id: `s-bench-${i}`,
          authorId: me.user.id,
          authorName: me.user.name,
          at: new Date().toISOString(),
        },
      }),
    )
    const started = performance.now()
    await member.roundTrip()
    trips.push(performance.now() - started)
  }
  const cpu = cpuMs(server.pid) - cpuBefore
  const probed = await probes.stop()
  await member.close()
  trips.sort((a, b) => a - b)
  return {
    suggestions: count,
    paragraphs: 3000,
    perUpdateRoundTripMedianMs: Math.round(trips[Math.floor(count / 2)] as number),
    serverCpuPerUpdateMs: Math.round((cpu / count) * 10) / 10,
    ...probed,
  }
}

/** The stock y-websocket provider, as a script filling a document: 2,000 paragraphs in one burst. */
export const providerBurst: HostileCase = async (server) => {
  const { room, bystanderRoom, headers } = await rooms(server)
  const memberHeaders = await server.accountHeaders('member')
  const Polyfill = class extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, { headers: memberHeaders })
    }
  }
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(server.wsUrl, room, doc, {
    WebSocketPolyfill: Polyfill as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  })
  const closes: number[] = []
  provider.on('connection-close', (event) => {
    if (event) closes.push(event.code)
  })
  await new Promise<void>((resolve) => provider.once('sync', () => resolve()))
  const watcher = await connectClient(`${server.wsUrl}/${room}`, headers)
  const arrived = () =>
    watcher.doc
      .getXmlFragment('default')
      .toArray()
      .filter((p) => /^<paragraph>burst \d+<\/paragraph>$/.test(p.toString())).length
  const count = 2000
  const probes = await startProbes(server, bystanderRoom, headers)
  const started = performance.now()
  const fragment = doc.getXmlFragment('default')
  for (let i = 0; i < count; i++) {
    const p = new Y.XmlElement('paragraph')
    p.insert(0, [new Y.XmlText(`burst ${i}`)])
    fragment.insert(fragment.length, [p])
  }
  let ms = 0
  while (arrived() < count && performance.now() - started < 60_000) {
    await watcher.roundTrip()
    await sleep(200)
  }
  ms = Math.round(performance.now() - started)
  const probed = await probes.stop()
  const figures = {
    updates: count,
    arrived: arrived(),
    untilAllArrivedMs: arrived() === count ? ms : 'never (60 s)',
    closeCodes: closes.length ? closes.join(' ') : 'none',
    providerStillConnecting: provider.shouldConnect ? 'yes' : 'no (gave up)',
    ...probed,
  }
  provider.destroy()
  await watcher.close()
  return figures
}

export const CASES: Record<string, HostileCase> = {
  pending: pendingStructs,
  step1: stepOneAmplification,
  review: reviewCheck,
  burst: providerBurst,
}
