import { CloseCode, canEditText, type DocumentStatus } from '@accord/protocol'
import {
  Awareness,
  applyAwarenessUpdate,
  encodeAwarenessUpdate,
  removeAwarenessStates,
} from 'y-protocols/awareness'
import * as Y from 'yjs'
import type { Logger } from '../logger.js'
import type { DocumentStore } from '../store/DocumentStore.js'
import { guardAwareness, readAwarenessUpdate, writeAwarenessUpdate } from './awarenessGuard.js'
import type { Connection } from './Connection.js'
import {
  ProtocolError,
  readMessage,
  writeAwareness,
  writeSyncStep1,
  writeSyncStep2,
  writeUpdate,
} from './protocol.js'
import { LOAD_ORIGIN, type TransactionOrigin } from './TransactionOrigin.js'

export interface RoomOptions {
  /** How long updates gather before one write (ms). */
  flushDelayMs: number
  /** Compact the log into one state once it holds this many rows. */
  compactAfterUpdates: number
}

/** Longest wait between retries of a failed save. */
const MAX_RETRY_MS = 10_000

/**
 * One open document: its Y.Doc, awareness and connections. Decides per
 * message what a connection may change, relays changes, and persists them in
 * short batches. Saves of one room never overlap; a failed save keeps the
 * updates in memory and retries.
 */
export class Room {
  readonly doc: Y.Doc
  readonly awareness: Awareness
  readonly connections = new Set<Connection>()
  private readonly awarenessOwners = new Map<number, Connection>()
  private pending: Uint8Array[] = []
  private flushTimer: NodeJS.Timeout | undefined
  private saveChain: Promise<void> = Promise.resolve()
  private retryMs = 0
  private lastSeq: number
  private logLength: number
  private destroyed = false
  /** True while the newest save failed; cleared by the next success. */
  saveFailing = false

  private constructor(
    readonly id: string,
    public status: DocumentStatus,
    private readonly store: DocumentStore,
    private readonly options: RoomOptions,
    private readonly logger: Logger,
    stored: { updates: Uint8Array[]; lastSeq: number; logLength: number },
  ) {
    // gc stays on: versions are full-state snapshots, so the live document need not keep deleted content.
    this.doc = new Y.Doc({ gc: true })
    Y.transact(
      this.doc,
      () => {
        for (const update of stored.updates) Y.applyUpdate(this.doc, update)
      },
      LOAD_ORIGIN,
    )
    this.lastSeq = stored.lastSeq
    this.logLength = stored.logLength
    this.awareness = new Awareness(this.doc)
    this.awareness.setLocalState(null)
    this.doc.on('update', this.onDocUpdate)
    this.awareness.on('update', this.onAwarenessUpdate)
  }

  /** Loads a document; throws (and caches nothing) when storage fails or holds something undecodable. */
  static async load(
    id: string,
    status: DocumentStatus,
    store: DocumentStore,
    options: RoomOptions,
    logger: Logger,
  ): Promise<Room> {
    const stored = await store.load(id)
    return new Room(id, status, store, options, logger.child({ documentId: id }), stored)
  }

  /** Adds a connection and opens the sync: our state vector, then everyone's presence. */
  addConnection(connection: Connection): void {
    this.connections.add(connection)
    connection.send(writeSyncStep1(Y.encodeStateVector(this.doc)))
    if (this.awareness.getStates().size > 0) {
      connection.send(
        writeAwareness(
          encodeAwarenessUpdate(this.awareness, [...this.awareness.getStates().keys()]),
        ),
      )
    }
    connection.attach((data) => this.receive(connection, data))
  }

  removeConnection(connection: Connection): void {
    if (!this.connections.delete(connection)) return
    const ids = [...connection.awarenessIds]
    for (const id of ids) this.awarenessOwners.delete(id)
    if (ids.length > 0) removeAwarenessStates(this.awareness, ids, null)
  }

  canEdit(connection: Connection): boolean {
    return canEditText(connection.role, this.status)
  }

  private receive(connection: Connection, data: Uint8Array): void {
    try {
      const message = readMessage(data)
      switch (message.type) {
        case 'syncStep1':
          connection.send(writeSyncStep2(Y.encodeStateAsUpdate(this.doc, message.stateVector)))
          return
        case 'syncStep2':
        case 'update':
          // Both carry document content; a connection that may not edit is ignored, never relayed.
          if (this.canEdit(connection)) this.applyClientUpdate(connection, message.update)
          return
        case 'awareness':
          this.applyAwareness(connection, message.update)
          return
        case 'queryAwareness':
          connection.send(
            writeAwareness(
              encodeAwarenessUpdate(this.awareness, [...this.awareness.getStates().keys()]),
            ),
          )
          return
      }
    } catch (err) {
      this.logger.warn(
        { err: (err as Error).message, userId: connection.user.id },
        'closing socket: bad message',
      )
      connection.close(CloseCode.badMessage)
    }
  }

  private applyClientUpdate(connection: Connection, update: Uint8Array): void {
    // Decode the whole update first: a malformed one is refused before it can touch the live document.
    try {
      Y.decodeUpdate(update)
    } catch (err) {
      throw new ProtocolError(`undecodable update: ${(err as Error).message}`)
    }
    const origin: TransactionOrigin = { kind: 'connection', connection }
    Y.applyUpdate(this.doc, update, origin)
  }

  private applyAwareness(connection: Connection, update: Uint8Array): void {
    const entries = guardAwareness(
      readAwarenessUpdate(update),
      connection,
      (id) => this.awarenessOwners.get(id),
      { ...connection.user },
    )
    if (entries.length === 0) return
    applyAwarenessUpdate(this.awareness, writeAwarenessUpdate(entries), connection)
  }

  private readonly onAwarenessUpdate = (
    changes: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const changed = [...changes.added, ...changes.updated, ...changes.removed]
    if (origin && this.connections.has(origin as Connection)) {
      const connection = origin as Connection
      for (const id of [...changes.added, ...changes.updated]) {
        if (!this.awarenessOwners.has(id)) {
          this.awarenessOwners.set(id, connection)
          connection.awarenessIds.add(id)
        }
      }
    }
    const message = writeAwareness(encodeAwarenessUpdate(this.awareness, changed))
    for (const c of this.connections) c.send(message)
  }

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    const from = origin as TransactionOrigin | undefined
    if (from?.kind === 'load') return
    const sender = from?.kind === 'connection' ? from.connection : undefined
    // Encoded once, sent to every other connection.
    const message = writeUpdate(update)
    for (const c of this.connections) if (c !== sender) c.send(message)
    this.pending.push(update)
    this.scheduleFlush(this.options.flushDelayMs)
  }

  private scheduleFlush(delayMs: number): void {
    if (this.flushTimer || this.destroyed) return
    this.flushTimer = setTimeout(() => {
      this.flushTimer = undefined
      void this.flush()
    }, delayMs)
  }

  /** Writes everything pending; saves never overlap. Resolves when this flush is done (or failed). */
  flush(): Promise<void> {
    this.saveChain = this.saveChain.then(() => this.save())
    return this.saveChain
  }

  get hasPending(): boolean {
    return this.pending.length > 0
  }

  private async save(): Promise<void> {
    if (this.pending.length === 0) return
    const batch = this.pending
    this.pending = []
    const merged = batch.length === 1 ? (batch[0] as Uint8Array) : Y.mergeUpdates(batch)
    try {
      this.lastSeq = await this.store.append(this.id, merged)
      this.logLength++
      this.retryMs = 0
      this.saveFailing = false
      if (this.logLength >= this.options.compactAfterUpdates) await this.compact()
    } catch (err) {
      // Keep the batch first in line, so order is preserved, and try again later.
      this.pending = [merged, ...this.pending]
      this.saveFailing = true
      this.retryMs = Math.min(MAX_RETRY_MS, this.retryMs ? this.retryMs * 2 : 100)
      this.logger.error({ err, retryMs: this.retryMs }, 'saving document failed; will retry')
      this.scheduleFlush(this.retryMs)
    }
  }

  /** Replaces the log with one state row. The state includes anything still pending; that is harmless. */
  private async compact(): Promise<void> {
    await this.store.compact(this.id, Y.encodeStateAsUpdate(this.doc), this.lastSeq)
    this.logLength = 0
  }

  /** Final save before unloading: flush, and compact if the log holds anything. */
  async persistForUnload(): Promise<void> {
    await this.flush()
    if (this.pending.length > 0) throw new Error('document could not be saved')
    if (this.logLength > 0) {
      this.saveChain = this.saveChain.then(() => this.compact())
      await this.saveChain
    }
  }

  destroy(): void {
    this.destroyed = true
    clearTimeout(this.flushTimer)
    this.flushTimer = undefined
    for (const c of this.connections) c.close(CloseCode.goingAway)
    this.connections.clear()
    this.awareness.off('update', this.onAwarenessUpdate)
    this.awareness.destroy()
    this.doc.off('update', this.onDocUpdate)
    this.doc.destroy()
  }
}
