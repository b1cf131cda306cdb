import { CloseCode, canEditText, type DocumentStatus, mustSuggest } from '@accord/protocol'
import {
  Awareness,
  applyAwarenessUpdate,
  encodeAwarenessUpdate,
  removeAwarenessStates,
} from 'y-protocols/awareness'
import * as Y from 'yjs'
import type { RoomChannel, RoomReceiver } from '../cluster/Cluster.js'
import type { Logger } from '../logger.js'
import type { DocumentStore } from '../store/DocumentStore.js'
import { guardAwareness, readAwarenessUpdate, writeAwarenessUpdate } from './awarenessGuard.js'
import { BroadcastCoalescer } from './BroadcastCoalescer.js'
import type { Connection } from './Connection.js'
import { DocumentSaver, type SaverOptions } from './DocumentSaver.js'
import { FullStateCache, isEmptyStateVector } from './FullStateCache.js'
import { readMessage, writeAwareness, writeSyncStep1, writeSyncStep2 } from './protocol.js'
import { ScratchCopy } from './ScratchCopy.js'
import { NotASuggestionError, suggestOnlyGuard } from './suggestOnlyGuard.js'
import {
  LOAD_ORIGIN,
  PEER_ORIGIN,
  STORAGE_ORIGIN,
  type TransactionOrigin,
} from './TransactionOrigin.js'

export type RoomOptions = SaverOptions

/** The stored document could not be read or applied; nothing is cached and nothing is saved over it. */
export class DocumentLoadError extends Error {}

/** Awareness client ids one connection may announce; a provider uses one per Y.Doc. */
const MAX_AWARENESS_IDS_PER_CONNECTION = 4
/** Largest awareness update: a user, a caret and a selection fit in far less. */
const MAX_AWARENESS_BYTES = 64 * 1024

/**
 * One open document: its Y.Doc, awareness and connections. Decides per message what a
 * connection may change, tries updates on a scratch copy before they touch the document,
 * relays changes (to its connections and, through its channel, to other instances), and
 * hands every change it did not read from storage to its saver.
 */
export class Room implements RoomReceiver {
  readonly doc: Y.Doc
  readonly awareness: Awareness
  readonly connections = new Set<Connection>()
  private readonly awarenessOwners = new Map<number, Connection>()
  private readonly scratch: ScratchCopy
  private readonly saver: DocumentSaver
  private readonly fullState: FullStateCache
  private readonly appliedWatchers = new Set<(update: Uint8Array) => void>()
  /** Updates applied in one event-loop turn go out as one frame, encoded once. */
  private readonly broadcast = new BroadcastCoalescer<Connection>((frame, except) => {
    for (const c of this.connections) if (c !== except) c.send(frame)
  })

  private constructor(
    readonly id: string,
    public status: DocumentStatus,
    doc: Y.Doc,
    store: DocumentStore,
    options: RoomOptions,
    private readonly logger: Logger,
    stored: { updates: Uint8Array[]; logLength: number },
    private readonly channel: RoomChannel,
  ) {
    this.doc = doc
    this.scratch = new ScratchCopy(doc)
    // One stored row is the whole document as loaded: the first newcomer gets it unre-encoded.
    this.fullState = new FullStateCache(
      doc,
      stored.updates.length === 1 ? stored.updates[0] : undefined,
    )
    this.saver = new DocumentSaver(id, store, options, logger, stored.logLength)
    this.awareness = new Awareness(this.doc)
    this.awareness.setLocalState(null)
    this.doc.on('update', this.onDocUpdate)
    this.awareness.on('update', this.onAwarenessUpdate)
    channel.attach(this)
  }

  /**
   * Loads a document. Throws (and the caller caches nothing) when storage fails or holds
   * something Yjs cannot apply: refusing is better than serving, and later saving over, a
   * document that is missing part of its text.
   */
  static async load(
    id: string,
    status: DocumentStatus,
    store: DocumentStore,
    channel: RoomChannel,
    options: RoomOptions,
    logger: Logger,
  ): Promise<Room> {
    const stored = await store.load(id)
    // gc stays on: versions are full-state snapshots, so the live document need not keep deleted content.
    const doc = new Y.Doc({ gc: true })
    try {
      Y.transact(
        doc,
        () => {
          for (const update of stored.updates) Y.applyUpdate(doc, update)
        },
        LOAD_ORIGIN,
      )
    } catch (err) {
      doc.destroy()
      throw new DocumentLoadError(`stored document ${id} is unreadable: ${(err as Error).message}`)
    }
    return new Room(
      id,
      status,
      doc,
      store,
      options,
      logger.child({ documentId: id }),
      stored,
      channel,
    )
  }

  /** Another instance's clients changed the document. */
  receiveUpdate(update: Uint8Array): void {
    this.applyFrom(PEER_ORIGIN, [update])
  }

  /** Another instance's clients moved or left; their presence was checked there. */
  receiveAwareness(update: Uint8Array): void {
    try {
      applyAwarenessUpdate(this.awareness, update, PEER_ORIGIN)
    } catch (err) {
      this.logger.warn({ err: (err as Error).message }, 'ignoring unreadable presence from a peer')
    }
  }

  /**
   * Applies what storage holds now, after messages between instances may have been lost:
   * whatever is new to this copy reaches its clients; the rest changes nothing.
   */
  async catchUp(store: DocumentStore): Promise<void> {
    this.applyFrom(STORAGE_ORIGIN, (await store.load(this.id)).updates)
  }

  /**
   * Calls `watcher` with every update applied from a client or another instance, as it was
   * sent (a restore keeps the edits that were in flight when it ran). Returns the unsubscribe.
   */
  watchApplied(watcher: (update: Uint8Array) => void): () => void {
    this.appliedWatchers.add(watcher)
    return () => this.appliedWatchers.delete(watcher)
  }

  private applyFrom(origin: TransactionOrigin, updates: readonly Uint8Array[]): void {
    try {
      Y.transact(
        this.doc,
        () => {
          for (const update of updates) Y.applyUpdate(this.doc, update)
        },
        origin,
      )
      // What storage holds is everything, restores included: not an edit in flight.
      if (origin.kind === 'peer') for (const update of updates) this.tellApplied(update)
    } catch (err) {
      this.logger.error(
        { err: (err as Error).message, from: origin.kind },
        'could not apply a change',
      )
    }
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

  /** True while the newest save failed; the saver retries. */
  get saveFailing(): boolean {
    return this.saver.failing
  }

  get hasPending(): boolean {
    return this.saver.hasPending
  }

  /** Writes everything pending now. */
  flush(): Promise<void> {
    return this.saver.flush()
  }

  /** Final save before unloading; throws if anything could not be saved. */
  persistForUnload(): Promise<void> {
    return this.saver.persistForUnload()
  }

  private receive(connection: Connection, data: Uint8Array): void {
    try {
      const message = readMessage(data)
      switch (message.type) {
        case 'syncStep1':
          connection.send(
            writeSyncStep2(
              isEmptyStateVector(message.stateVector)
                ? this.fullState.get()
                : Y.encodeStateAsUpdate(this.doc, message.stateVector),
            ),
          )
          return
        case 'syncStep2':
        case 'update':
          // Both carry document content; a connection that may not edit is ignored, never relayed.
          if (this.canEdit(connection)) this.applyClientUpdate(connection, message.update)
          return
        case 'awareness':
          if (message.update.byteLength > MAX_AWARENESS_BYTES) {
            connection.close(CloseCode.tooLarge)
            return
          }
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
    const origin: TransactionOrigin = { kind: 'connection', connection }
    // In review a member may only suggest: anything else is dropped like an observer's edit.
    const vet = mustSuggest(connection.role, this.status)
      ? suggestOnlyGuard(this.doc, connection.user.id)
      : undefined
    try {
      this.scratch.applyWhole(update, origin, vet)
    } catch (err) {
      if (!(err instanceof NotASuggestionError)) throw err
      this.logger.info(
        { userId: connection.user.id, reason: err.message },
        'dropped: not a suggestion',
      )
      return
    }
    connection.editsApplied++
    this.tellApplied(update)
  }

  private tellApplied(update: Uint8Array): void {
    for (const watcher of this.appliedWatchers) watcher(update)
  }

  private applyAwareness(connection: Connection, update: Uint8Array): void {
    // New client ids beyond the allowance are dropped: one connection cannot fill everyone's presence list.
    let allowance = MAX_AWARENESS_IDS_PER_CONNECTION - connection.awarenessIds.size
    const entries = guardAwareness(
      readAwarenessUpdate(update),
      connection,
      (id) => this.awarenessOwners.get(id),
      { ...connection.user },
    ).filter((entry) => connection.awarenessIds.has(entry.clientId) || allowance-- > 0)
    if (entries.length === 0) return
    applyAwarenessUpdate(this.awareness, writeAwarenessUpdate(entries), connection)
  }

  private readonly onAwarenessUpdate = (
    changes: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    // A caret may point into text queued for relay: the text goes first.
    this.broadcast.flush()
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
    const update = encodeAwarenessUpdate(this.awareness, changed)
    const message = writeAwareness(update)
    for (const c of this.connections) c.send(message)
    if (origin !== PEER_ORIGIN) this.channel.publishAwareness(update)
  }

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    const from = origin as TransactionOrigin | undefined
    if (from?.kind === 'load') return
    const sender = from?.kind === 'connection' ? from.connection : undefined
    this.broadcast.add(update, sender)
    if (from?.kind === 'storage') return
    if (from?.kind !== 'peer') this.channel.publishUpdate(update)
    // Peers' changes are saved here too: should the instance they came from die before its
    // write, they are still stored (storage folds the duplicates away when it compacts).
    this.saver.add(update)
  }

  /**
   * The server is going away: asks every socket to close and resolves when they have, so
   * that updates their clients sent before seeing the close are applied and saved.
   */
  async goAway(): Promise<void> {
    this.broadcast.flush()
    await Promise.all([...this.connections].map((c) => c.goAway(CloseCode.goingAway)))
  }

  destroy(): void {
    void this.channel.leave()
    this.saver.stop()
    this.broadcast.cancel()
    // Whoever is still here did not answer goAway in time.
    for (const c of this.connections) c.drop()
    this.connections.clear()
    this.awareness.off('update', this.onAwarenessUpdate)
    this.awareness.destroy()
    this.doc.off('update', this.onDocUpdate)
    this.scratch.destroy()
    this.fullState.destroy()
    this.doc.destroy()
  }
}
