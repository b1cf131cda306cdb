/**
 * Heap per open room and per connection, in process (issue 16: a fresh room should cost
 * kilobytes). Opens ROOMS rooms on empty documents with an in-memory store, then gives each a
 * connection on an in-memory socket, then has each connection type one edit, and reports the
 * heap growth per room at every step (after a full GC). Run:
 *
 *   node --expose-gc --import tsx server/bench/measureRoomMemory.ts [rooms]
 */
import { Role } from '@accord/protocol'
import { BODY_FRAGMENT } from '@accord/schema'
import * as Y from 'yjs'
import { LocalCluster } from '../src/cluster/LocalCluster.js'
import { Connection } from '../src/collab/Connection.js'
import { writeSyncStep2, writeUpdate } from '../src/collab/protocol.js'
import { Room } from '../src/collab/Room.js'
import { createLogger } from '../src/logger.js'
import type { DocumentStore } from '../src/store/DocumentStore.js'
import { nullSocket } from './nullSocket.js'

const ROOMS = Number(process.argv[2] ?? 500)
const gc = (globalThis as { gc?: () => void }).gc
if (!gc) throw new Error('run with node --expose-gc')

const heap = () => {
  gc()
  gc()
  return process.memoryUsage().heapUsed
}

/** The store keeps nothing: what is measured is the room, not its log. */
const store: DocumentStore = {
  load: async () => ({ updates: [], logLength: 0 }),
  append: async () => undefined,
  compact: async () => undefined,
}

const limits = {
  maxMessagesPerSecond: 1000,
  maxBytesPerSecond: 10_000_000,
  maxAnswerBytesPerSecond: 10_000_000,
  answerBurstBytes: 10_000_000,
  maxBufferedBytes: 10_000_000,
  maxQueuedBytes: 10_000_000,
}

/** A client's first edit on an empty document: a paragraph with a sentence. */
const firstEdit = (clientId: number): Uint8Array => {
  const doc = new Y.Doc()
  doc.clientID = clientId
  const paragraph = new Y.XmlElement('paragraph')
  paragraph.insert(0, [new Y.XmlText('A member may propose an amendment.')])
  doc.getXmlFragment(BODY_FRAGMENT).insert(0, [paragraph])
  return Y.encodeStateAsUpdate(doc)
}

const cluster = new LocalCluster()
const logger = createLogger('silent')
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`

const base = heap()
const rooms: Room[] = []
for (let i = 0; i < ROOMS; i++) {
  rooms.push(
    await Room.load(
      `doc${i}`,
      'draft',
      store,
      await cluster.joinRoom(),
      { flushDelayMs: 60_000, compactAfterUpdates: 1000 },
      logger,
    ),
  )
}
const opened = heap()
const connections = rooms.map((room, i) => {
  const connection = new Connection(
    nullSocket(),
    { id: `u${i}`, name: `Member ${i}`, color: '#000', role: Role.member },
    limits,
  )
  room.addConnection(connection)
  return connection
})
const connected = heap()
for (const [i, connection] of connections.entries()) {
  // What a provider sends first: its (empty) state as a SyncStep2, then its first edit.
  connection.receive(writeSyncStep2(Y.encodeStateAsUpdate(new Y.Doc())))
  connection.receive(writeUpdate(firstEdit(1000 + i)))
}
await new Promise((resolve) => setTimeout(resolve, 50))
const edited = heap()
console.log(
  JSON.stringify({
    rooms: ROOMS,
    perRoom: kib((opened - base) / ROOMS),
    perConnection: kib((connected - opened) / ROOMS),
    perFirstEdit: kib((edited - connected) / ROOMS),
  }),
)
for (const room of rooms) room.destroy()
process.exit(0)
