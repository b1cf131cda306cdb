import type { Role } from '@accord/protocol'
import { afterEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { writeBody } from '../../test/utils/editAs.js'
import { LocalCluster } from '../cluster/LocalCluster.js'
import { createLogger } from '../logger.js'
import type { AuthorSpan } from '../store/AuthorStore.js'
import type { DocumentStore } from '../store/DocumentStore.js'
import type { AuthorRecord } from './ClientAuthors.js'
import { Connection, type ConnectionLimits } from './Connection.js'
import {
  type IncomingMessage,
  readMessage,
  writeSyncStep1,
  writeSyncStep2,
  writeUpdate,
} from './protocol.js'
import { Room } from './Room.js'
import type { SocketLike } from './SocketLike.js'

/** A document store in memory: the log only, never compacted. */
const memoryStore = (): DocumentStore & { appended: Uint8Array[] } => {
  const appended: Uint8Array[] = []
  return {
    appended,
    load: async () => ({ updates: [...appended], logLength: appended.length }),
    append: async (_id, update) => {
      appended.push(update)
    },
    compact: async () => undefined,
  }
}

/** The server's end of an in-memory socket: keeps every frame the room sends, decoded. */
const fakeSocket = () => {
  const sent: IncomingMessage[] = []
  const socket = {
    sent,
    closedWith: undefined as number | undefined,
    bufferedAmount: 0,
    send: (data: Uint8Array) => sent.push(readMessage(data)),
    close: (code: number) => {
      socket.closedWith = code
    },
    terminate: () => undefined,
    pause: () => undefined,
    resume: () => undefined,
  }
  return socket satisfies SocketLike
}

const limits: ConnectionLimits = {
  maxMessagesPerSecond: 1000,
  maxBytesPerSecond: 10_000_000,
  maxAnswerBytesPerSecond: 10_000_000,
  answerBurstBytes: 10_000_000,
  maxBufferedBytes: 10_000_000,
  maxQueuedBytes: 10_000_000,
}

const rooms: Room[] = []
afterEach(() => {
  for (const room of rooms.splice(0)) room.destroy()
})

const openRoom = async (status: 'draft' | 'final' = 'draft', authors?: AuthorRecord) => {
  const store = memoryStore()
  const room = await Room.load(
    'doc1',
    status,
    store,
    await new LocalCluster().joinRoom(),
    { flushDelayMs: 60_000, compactAfterUpdates: 1000, authors },
    createLogger('silent'),
  )
  rooms.push(room)
  return room
}

const connect = (room: Room, role: Role, id: string = role) => {
  const socket = fakeSocket()
  const connection = new Connection(socket, { id, name: id, color: '#000', role }, limits)
  room.addConnection(connection)
  return { socket, connection }
}

/** An update a client would send: a paragraph of `text` on top of what `base` holds. */
const clientEdit = (base: Y.Doc, text: string, clientId?: number): Uint8Array => {
  const client = new Y.Doc()
  Y.applyUpdate(client, Y.encodeStateAsUpdate(base))
  // After the base: a Y.Doc meeting its own id in a remote update picks another.
  if (clientId !== undefined) client.clientID = clientId
  const before = Y.encodeStateVector(client)
  writeBody(client, {
    type: 'doc',
    content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
  })
  return Y.encodeStateAsUpdate(client, before)
}

const textOf = (doc: Y.Doc) => doc.getXmlFragment('default').toString()

describe('Room, driven through a Connection on an in-memory socket', () => {
  it('opens the sync with its state vector, and answers a step 1 with what the client lacks', async () => {
    const room = await openRoom()
    const { socket, connection } = connect(room, 'observer')
    expect(socket.sent[0]).toEqual({
      type: 'syncStep1',
      stateVector: Y.encodeStateVector(room.doc),
    })
    connection.receive(writeSyncStep1(new Uint8Array([0])))
    expect(socket.sent.at(-1)?.type).toBe('syncStep2')
  })

  it('a member’s update is applied, relayed to the others, and not echoed to its sender', async () => {
    const room = await openRoom()
    const member = connect(room, 'member')
    const watcher = connect(room, 'observer')
    member.connection.receive(writeUpdate(clientEdit(room.doc, 'Hello')))
    expect(textOf(room.doc)).toContain('Hello')
    await vi.waitFor(() => expect(watcher.socket.sent.some((m) => m.type === 'update')).toBe(true))
    expect(member.socket.sent.some((m) => m.type === 'update')).toBe(false)
  })

  it('authorizes every message: an observer’s update and a step 2 are neither applied nor relayed', async () => {
    const room = await openRoom()
    const observer = connect(room, 'observer')
    const member = connect(room, 'member', 'member-1')
    const watcher = connect(room, 'observer', 'watcher')
    const forged = clientEdit(room.doc, 'Forged')
    observer.connection.receive(writeUpdate(forged))
    observer.connection.receive(writeSyncStep2(forged))
    // A member's edit after them: once it is relayed, anything relayed before it has been too.
    member.connection.receive(writeUpdate(clientEdit(room.doc, 'Honest')))
    const updates = () => watcher.socket.sent.filter((m) => m.type === 'update')
    await vi.waitFor(() => expect(updates()).toHaveLength(1))
    expect(textOf(room.doc)).toContain('Honest')
    expect(textOf(room.doc)).not.toContain('Forged')
    expect(observer.socket.closedWith).toBeUndefined()
  })

  it('obeys the status it is told: once final, nobody’s update is applied', async () => {
    const room = await openRoom()
    const secretariat = connect(room, 'secretariat')
    room.status = 'final'
    secretariat.connection.receive(writeUpdate(clientEdit(room.doc, 'Late')))
    expect(textOf(room.doc)).not.toContain('Late')
  })

  it('closes a connection that sends a frame it cannot read', async () => {
    const room = await openRoom()
    const member = connect(room, 'member')
    member.connection.receive(new Uint8Array([42]))
    expect(member.socket.closedWith).toBeDefined()
  })

  it('records whose connection sent the text under each client id; text under a borrowed id is the sender’s', async () => {
    const recorded: AuthorSpan[] = []
    const record: AuthorRecord = {
      load: async () => [{ clientId: 7, fromClock: 0, userId: 'carol' }],
      record: async (_doc, span) => {
        recorded.push(span)
      },
    }
    const room = await openRoom('draft', record)
    const anna = connect(room, 'member', 'anna')
    const boris = connect(room, 'member', 'boris')
    anna.connection.receive(writeUpdate(clientEdit(room.doc, 'Anna wrote', 101)))
    boris.connection.receive(writeUpdate(clientEdit(room.doc, 'Boris wrote', 202)))
    anna.connection.receive(writeUpdate(clientEdit(room.doc, 'Anna again', 101)))
    expect(recorded).toEqual([
      { clientId: 101, fromClock: 0, userId: 'anna' },
      { clientId: 202, fromClock: 0, userId: 'boris' },
    ])
    // Boris writing under Anna's id, or under Carol's recorded earlier: his own spans.
    const annaClock = Y.getState(room.doc.store, 101)
    boris.connection.receive(writeUpdate(clientEdit(room.doc, 'Under Anna’s id', 101)))
    expect(textOf(room.doc)).toContain('Under Anna’s id')
    boris.connection.receive(writeUpdate(clientEdit(room.doc, 'Under Carol’s id', 7)))
    expect(textOf(room.doc)).toContain('Under Carol’s id')
    expect(recorded.slice(2)).toEqual([
      { clientId: 101, fromClock: annaClock, userId: 'boris' },
      { clientId: 7, fromClock: 0, userId: 'boris' },
    ])
  })

  it('relays and stores a plain edit as sent; one repeating what the document holds, only as the change it made', async () => {
    const store = memoryStore()
    const room = await Room.load(
      'doc1',
      'draft',
      store,
      await new LocalCluster().joinRoom(),
      { flushDelayMs: 60_000, compactAfterUpdates: 1000 },
      createLogger('silent'),
    )
    rooms.push(room)
    const anna = connect(room, 'member', 'anna')
    const boris = connect(room, 'member', 'boris')
    const watcher = connect(room, 'observer')
    const relayed = () =>
      watcher.socket.sent.flatMap((m) => (m.type === 'update' ? [m.update] : []))

    const edit = clientEdit(room.doc, 'Hello', 101)
    anna.connection.receive(writeUpdate(edit))
    await vi.waitFor(() => expect(relayed()).toHaveLength(1))
    expect(relayed()[0]).toEqual(edit)
    await room.flush()
    expect(store.appended.at(-1)).toEqual(edit)

    // Anna's words again under her client id, but other words, beside Boris's own new paragraph:
    // the document keeps what it has, and nobody receives or stores the other words.
    const forged = Buffer.from(edit)
    forged.set(Buffer.from('Jello'), forged.indexOf('Hello'))
    const boris2 = new Y.Doc()
    Y.applyUpdate(boris2, Y.encodeStateAsUpdate(room.doc))
    boris2.clientID = 102
    const before = Y.encodeStateVector(boris2)
    const paragraph = new Y.XmlElement('paragraph')
    paragraph.insert(0, [new Y.XmlText('World')])
    boris2.getXmlFragment('default').push([paragraph])
    const both = Y.mergeUpdates([forged, Y.encodeStateAsUpdate(boris2, before)])
    boris.connection.receive(writeUpdate(both))
    await vi.waitFor(() => expect(relayed()).toHaveLength(2))
    expect(textOf(room.doc)).toBe('<paragraph>Hello</paragraph><paragraph>World</paragraph>')
    const second = Buffer.from(relayed()[1] as Uint8Array)
    expect(second.includes('World')).toBe(true)
    expect(second.includes('Jello')).toBe(false)
    await room.flush()
    expect(store.appended.some((u) => Buffer.from(u).includes('Jello'))).toBe(false)
  })
})
