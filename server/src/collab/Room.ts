import {
  CloseCode,
  canChangeSettings,
  canEditText,
  type DocumentStatus,
  mustSuggest,
} from '@accord/protocol'
import { BODY_FRAGMENT, SETTINGS_MAP } from '@accord/schema'
import {
  Awareness,
  applyAwarenessUpdate,
  encodeAwarenessUpdate,
  removeAwarenessStates,
} from 'y-protocols/awareness'
import * as Y from 'yjs'
import type { RoomChannel, RoomReceiver } from '../cluster/Cluster.js'
import type { Logger } from '../logger.js'
import type { AuthorSpan } from '../store/AuthorStore.js'
import type { DocumentStore } from '../store/DocumentStore.js'
import { AwarenessOwners } from './AwarenessOwners.js'
import { AwarenessRelay } from './AwarenessRelay.js'
import { guardAwareness, readAwarenessUpdate, writeAwarenessUpdate } from './awarenessGuard.js'
import { BroadcastCoalescer } from './BroadcastCoalescer.js'
import { type AuthorRecord, ClientAuthors } from './ClientAuthors.js'
import type { Connection } from './Connection.js'
import { ConcurrentCopies } from './copies/ConcurrentCopies.js'
import { DocumentSaver, type SaverOptions } from './DocumentSaver.js'
import { DEFAULT_HELD_LIMITS, HeldUpdates } from './HeldUpdates.js'
import { KnownSuggestions } from './KnownSuggestions.js'
import { LiveUpdates } from './LiveUpdates.js'
import { appliesAsSent, isPlainEdit } from './plainEdit.js'
import { type IncomingMessage, readMessage, writeAwareness, writeSyncStep1 } from './protocol.js'
import { RefusedUpdateError } from './RefusedUpdateError.js'
import { ScratchCopy } from './ScratchCopy.js'
import { SyncAnswerCache } from './SyncAnswerCache.js'
import {
  type AttributionRewrite,
  applyAttributionRewrites,
  attributionRewrites,
} from './suggestionAttribution.js'
import { checkSuggestsOnly } from './suggestOnlyGuard.js'
import {
  ATTRIBUTION_ORIGIN,
  CONCURRENT_COPIES_ORIGIN,
  LOAD_ORIGIN,
  PEER_ORIGIN,
  STORAGE_ORIGIN,
  type TransactionOrigin,
} from './TransactionOrigin.js'
import {
  type DecodedUpdate,
  decodeClientUpdate,
  meetsNeeds,
  needsOf,
  type UpdateNeeds,
} from './updateNeeds.js'
import { checkUpdateRules } from './updateRules.js'

export interface RoomOptions extends SaverOptions {
  /** BENCH_MAP: a root map anyone who may edit may write plain values to (load benchmark only). */
  benchMap?: string
  /** Where the room records who writes under each client id (authorship); none in some tests. */
  authors?: AuthorRecord
}

/** The stored document could not be read or applied; nothing is cached and nothing is saved over it. */
export class DocumentLoadError extends Error {}

/** Awareness client ids one connection may announce; a provider uses one per Y.Doc. */
const MAX_AWARENESS_IDS_PER_CONNECTION = 4
/** Largest awareness update: a user, a caret and a selection fit in far less. */
const MAX_AWARENESS_BYTES = 64 * 1024

/**
 * One open document: its Y.Doc, awareness and connections. Decides per message what a
 * connection may change, relays changes (to its connections and, through its channel, to
 * other instances), and hands every change it did not read from storage to its saver.
 *
 * The update path, for each update (or run of updates merged into one) from a connection:
 * 1. may this connection edit at all (role, status)? Otherwise it is ignored.
 * 2. does the document hold everything the update builds on (updateNeeds)? Otherwise it is
 *    held aside (HeldUpdates, bounded) and the client is asked for what is missing.
 * 3. a plain edit of the body (isPlainEdit, decided from the decoded update) from someone who
 *    need not suggest goes straight to step 4. Anything else is tried on the scratch copy;
 *    the trial must pass updateRules (shared types, settings, body shape), for a member in
 *    review checkSuggestsOnly, and the suggestion attributions it writes are checked
 *    (suggestionAttribution). A refused update is dropped.
 * 4. it is applied to the live document; attributions that were not the sender's truth are
 *    rewritten; the text it added is recorded as the sender's (ClientAuthors); held updates
 *    whose needs are now met go through steps 3 and 4. A plain edit that adds exactly what it
 *    holds (appliesAsSent) is relayed and stored as sent; any other change as Yjs encodes it
 *    (LiveUpdates).
 * 5. a block or joined text it wrote a second time, at the same moment as someone else
 *    (ConcurrentCopies), is deleted by the server, and joined text that a concurrent copy of
 *    its block lost is put into the copy, as a change of its own.
 */
export class Room implements RoomReceiver {
  readonly doc: Y.Doc
  readonly awareness: Awareness
  /** Presence changed in one event-loop turn goes out as one frame, encoded once. */
  private readonly presence: AwarenessRelay
  readonly connections = new Set<Connection>()
  private readonly awarenessOwners = new AwarenessOwners<Connection>()
  /** The document's updates, for the scratch copy, the sync answers and the relay (onDocUpdate). */
  private readonly updates: LiveUpdates
  private readonly scratch: ScratchCopy
  private readonly benchMap: string | undefined
  private readonly saver: DocumentSaver
  private readonly appliedWatchers = new Set<(update: Uint8Array) => void>()
  /** Who edited since `takeEditors` was last called: user id to name. */
  private readonly editors = new Map<string, string>()
  /** Bumped by each change a connection's update made to the live document (see applied). */
  private changesFromConnections = 0
  private readonly answers: SyncAnswerCache
  private readonly known: KnownSuggestions
  private readonly copies: ConcurrentCopies
  private readonly held = new HeldUpdates<Connection>(DEFAULT_HELD_LIMITS, (connection) => {
    this.logger.warn(
      { userId: connection.user.id },
      'closing socket: updates waited too long for changes it never sent',
    )
    connection.close(CloseCode.missingDependencies)
  })
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
    private readonly authors: ClientAuthors,
  ) {
    this.benchMap = options.benchMap
    this.doc = doc
    this.updates = new LiveUpdates(doc)
    this.scratch = new ScratchCopy(doc, this.updates)
    // One stored row is the whole document as loaded: the first newcomer gets it unre-encoded.
    this.answers = new SyncAnswerCache(
      doc,
      stored.updates.length === 1 ? stored.updates[0] : undefined,
    )
    this.saver = new DocumentSaver(
      id,
      store,
      options,
      logger,
      stored.logLength,
      stored.updates.length > stored.logLength,
    )
    this.known = new KnownSuggestions(doc)
    this.copies = new ConcurrentCopies(doc)
    this.awareness = new Awareness(this.doc)
    this.awareness.setLocalState(null)
    this.presence = new AwarenessRelay(this.awareness, {
      before: () => this.broadcast.flush(),
      send: (frame) => {
        for (const c of this.connections) c.send(frame)
      },
      publish: (update) => this.channel.publishAwareness(update),
    })
    this.updates.listen(this.onDocUpdate)
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
    const [stored, authors] = await Promise.all([
      store.load(id),
      ClientAuthors.load(id, options.authors, logger),
    ])
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
    // The document's two shared types, typed from the start (the scratch copy follows suit),
    // so that the types the update rules see are the ones the document keeps.
    doc.getXmlFragment(BODY_FRAGMENT)
    doc.getMap(SETTINGS_MAP)
    if (options.benchMap) doc.getMap(options.benchMap)
    return new Room(
      id,
      status,
      doc,
      store,
      options,
      logger.child({ documentId: id }),
      stored,
      channel,
      authors,
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

  /** The whole document encoded, at most once per change: the bytes a newcomer's sync gets. */
  encodedState(): Uint8Array {
    return this.answers.fullState()
  }

  /** Who edited since the last call (for an automatic version's "who changed it"), and forgets them. */
  takeEditors(): { id: string; name: string }[] {
    const taken = [...this.editors].map(([id, name]) => ({ id, name }))
    this.editors.clear()
    return taken
  }

  /**
   * Calls `watcher` with every update applied from a client or another instance, as it was
   * sent (a restore keeps the edits that were in flight when it ran). Returns the unsubscribe.
   */
  watchApplied(watcher: (update: Uint8Array) => void): () => void {
    this.appliedWatchers.add(watcher)
    return () => this.appliedWatchers.delete(watcher)
  }

  watchChanges(watcher: () => void): () => void {
    return this.updates.listen(() => watcher())
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
    this.settle()
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
    connection.attach((frames) => this.handleFrames(connection, frames))
  }

  removeConnection(connection: Connection): void {
    if (!this.connections.delete(connection)) return
    this.held.drop(connection)
    const ids = [...connection.awarenessIds]
    this.awarenessOwners.release(connection, ids)
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

  /**
   * Handles frames in order and returns how many it took. Consecutive updates are merged and
   * applied as one (a burst the connection held back while it was over its rate costs one
   * trial). After an answer that used up the connection's allowance it stops; the connection
   * hands over the rest once the allowance has refilled.
   */
  private handleFrames(connection: Connection, frames: readonly Uint8Array[]): number {
    const updates: Uint8Array[] = []
    for (let i = 0; i < frames.length; i++) {
      let message: IncomingMessage
      try {
        message = readMessage(frames[i] as Uint8Array)
      } catch (err) {
        this.applyUpdates(connection, updates)
        this.closeForBadMessage(connection, err)
        return frames.length
      }
      if (message.type === 'syncStep2' || message.type === 'update') {
        // Both carry document content; a connection that may not edit is ignored, never relayed.
        if (this.canEdit(connection)) updates.push(message.update)
        continue
      }
      this.applyUpdates(connection, updates.splice(0))
      if (!connection.closed) this.handleRequest(connection, message)
      if (connection.closed) return frames.length
      if (connection.answersExhausted) return i + 1
    }
    this.applyUpdates(connection, updates)
    return frames.length
  }

  private handleRequest(
    connection: Connection,
    message: Exclude<IncomingMessage, { type: 'syncStep2' | 'update' }>,
  ): void {
    try {
      switch (message.type) {
        case 'syncStep1': {
          const answer = this.answers.answer(message.stateVector)
          connection.chargeAnswer(answer.byteLength)
          connection.send(answer)
          return
        }
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
      this.closeForBadMessage(connection, err)
    }
  }

  private closeForBadMessage(connection: Connection, err: unknown): void {
    this.logger.warn(
      { err: (err as Error).message, userId: connection.user.id },
      'closing socket: bad message',
    )
    connection.close(CloseCode.badMessage)
  }

  /** Applies updates from one connection, merged into one. */
  private applyUpdates(connection: Connection, updates: readonly Uint8Array[]): void {
    if (updates.length === 0 || connection.closed) return
    try {
      const update =
        updates.length === 1 ? (updates[0] as Uint8Array) : Y.mergeUpdates([...updates])
      const decoded = decodeClientUpdate(update)
      const needs = needsOf(decoded)
      if (!meetsNeeds(this.doc, needs)) {
        this.hold(connection, update, needs)
        return
      }
      this.tryUpdate(connection, update, decoded)
    } catch (err) {
      this.closeForBadMessage(connection, err)
      return
    }
    this.settle()
  }

  /** After a change: held updates it unblocked go in, then anything written twice at once goes. */
  private settle(): void {
    this.releaseHeld()
    try {
      this.copies.repair(CONCURRENT_COPIES_ORIGIN)
    } catch (err) {
      // Tidying what two people wrote twice must never hold up the update path.
      this.logger.error({ err: (err as Error).message }, 'could not remove a doubled copy')
    }
  }

  /** Sets aside an update the document cannot take whole yet; asks the client for what is missing. */
  private hold(connection: Connection, update: Uint8Array, needs: UpdateNeeds): void {
    const held = this.held.hold(connection, update, needs)
    if (held === 'overLimit') {
      this.logger.warn(
        { userId: connection.user.id, bytes: update.byteLength, structs: needs.structs },
        'closing socket: too much waiting for changes it never sent',
      )
      this.held.drop(connection)
      connection.close(CloseCode.missingDependencies)
      return
    }
    // A provider answers a sync step 1 with everything the server lacks, the missing part included.
    if (held === 'first') connection.send(writeSyncStep1(Y.encodeStateVector(this.doc)))
  }

  /** Applies held updates whose needs the document now meets, until none is left that can go. */
  private releaseHeld(): void {
    while (this.held.size > 0) {
      const ready = this.held.takeReady((needs) => meetsNeeds(this.doc, needs))
      if (ready.length === 0) return
      for (const { connection, update } of ready) {
        if (connection.closed || !this.canEdit(connection)) continue
        try {
          this.tryUpdate(connection, update, decodeClientUpdate(update))
        } catch (err) {
          this.closeForBadMessage(connection, err)
        }
      }
    }
  }

  /**
   * Steps 3 and 4 of the update path (see the class comment). Throws ProtocolError for an
   * update Yjs cannot apply; drops one a rule refuses.
   */
  private tryUpdate(connection: Connection, update: Uint8Array, decoded: DecodedUpdate): void {
    const origin: TransactionOrigin = { kind: 'connection', connection }
    const changesBefore = this.changesFromConnections
    const suggestOnly = mustSuggest(connection.role, this.status)
    if (!suggestOnly && isPlainEdit(this.doc, update, decoded, this.benchMap)) {
      const done = this.scratch.applyDirect(update, origin, appliesAsSent(this.doc, decoded))
      const spans = this.authors.spansOf(done, connection.user.id)
      this.applied(connection, update, spans, this.changesFromConnections !== changesBefore)
      return
    }
    const maySetSettings = canChangeSettings(connection.role, this.status)
    const sender = {
      userId: connection.user.id,
      name: connection.user.name,
      names: [connection.user.name, connection.nameAtOpen],
    }
    let rewrites: AttributionRewrite[] = []
    let spans: AuthorSpan[] = []
    try {
      this.scratch.applyWhole(update, origin, (trial) => {
        const writes = checkUpdateRules(trial, maySetSettings, this.benchMap)
        spans = this.authors.spansOf(trial.transaction, connection.user.id)
        if (suggestOnly) checkSuggestsOnly(this.doc, trial, connection.user.id)
        if (writes.length > 0)
          rewrites = attributionRewrites(writes, sender, (id) => this.known.get(id), Date.now())
      })
    } catch (err) {
      if (!(err instanceof RefusedUpdateError)) throw err
      this.logger.info(
        { userId: connection.user.id, rule: err.rule, reason: err.message },
        'dropped: refused update',
      )
      return
    }
    if (rewrites.length > 0) {
      Y.transact(this.doc, () => applyAttributionRewrites(this.doc, rewrites), ATTRIBUTION_ORIGIN)
    }
    this.applied(connection, update, spans, this.changesFromConnections !== changesBefore)
  }

  /**
   * The update is in the live document: its text recorded as the sender's, told, and, if it
   * changed anything, counted. Every provider answers the server's SyncStep1 with a SyncStep2
   * (holding the whole delete set, or nothing) on opening: that is not an edit.
   */
  private applied(
    connection: Connection,
    update: Uint8Array,
    spans: readonly AuthorSpan[],
    changed: boolean,
  ): void {
    if (changed) {
      connection.editsApplied++
      this.editors.set(connection.user.id, connection.user.name)
    }
    this.authors.bind(spans)
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
      (id) => this.awarenessOwners.mayWrite(connection, id),
      { ...connection.user },
    ).filter((entry) => connection.awarenessIds.has(entry.clientId) || allowance-- > 0)
    if (entries.length === 0) return
    applyAwarenessUpdate(this.awareness, writeAwarenessUpdate(entries), connection)
  }

  private readonly onAwarenessUpdate = (
    changes: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const changed = [...changes.added, ...changes.updated, ...changes.removed]
    const written = [...changes.added, ...changes.updated]
    if (origin && this.connections.has(origin as Connection)) {
      const connection = origin as Connection
      for (const id of written) {
        if (connection.awarenessIds.has(id)) continue
        this.awarenessOwners.hold(connection, id)
        connection.awarenessIds.add(id)
      }
    } else if (origin === PEER_ORIGIN) {
      // Another instance's client: its id stays bound to the person that instance shows.
      for (const id of written) {
        const user = (this.awareness.getStates().get(id) as { user?: { id?: unknown } } | undefined)
          ?.user?.id
        if (typeof user === 'string') this.awarenessOwners.seenElsewhere(id, user)
      }
    }
    this.presence.add(changed, origin !== PEER_ORIGIN)
  }

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    const from = origin as TransactionOrigin | undefined
    if (from?.kind === 'load') return
    const sender = from?.kind === 'connection' ? from.connection : undefined
    // Yjs emits 'update' only for a transaction that changed something.
    if (sender) this.changesFromConnections++
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
    this.presence.cancel()
    // Whoever is still here did not answer goAway in time.
    for (const c of this.connections) c.drop()
    this.connections.clear()
    this.awareness.off('update', this.onAwarenessUpdate)
    this.awareness.destroy()
    this.updates.destroy()
    this.held.destroy()
    this.scratch.destroy()
    this.answers.destroy()
    this.known.destroy()
    this.copies.destroy()
    this.doc.destroy()
  }
}
