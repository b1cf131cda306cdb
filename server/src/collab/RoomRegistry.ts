import { CloseCode, type DocumentStatus, type PresenceUser } from '@accord/protocol'
import * as Y from 'yjs'
import type { Cluster } from '../cluster/Cluster.js'
import type { Logger } from '../logger.js'
import type { DocumentStore } from '../store/DocumentStore.js'
import type { Connection } from './Connection.js'
import { Room, type RoomOptions } from './Room.js'
import {
  RESTORE_ORIGIN,
  STRUCTURE_ORIGIN,
  SUGGESTIONS_ORIGIN,
  type TransactionOrigin,
} from './TransactionOrigin.js'

/** The server's own changes to a live document, by why they are made. */
const SERVER_ORIGINS: Record<'restore' | 'suggestions' | 'structure', TransactionOrigin> = {
  restore: RESTORE_ORIGIN,
  suggestions: SUGGESTIONS_ORIGIN,
  structure: STRUCTURE_ORIGIN,
}

export class UnknownDocumentError extends Error {}

/** How long a shutdown waits for clients to answer the close (normally a round trip). */
const GO_AWAY_MS = 3000

/** Waits for `work`, but no longer than `ms`; leaves no timer behind. */
const settleWithin = async (work: Promise<unknown>, ms: number): Promise<void> => {
  let timer: NodeJS.Timeout | undefined
  await Promise.race([work, new Promise((resolve) => (timer = setTimeout(resolve, ms)))])
  clearTimeout(timer)
}

/** The server is shutting down and opens no more documents. */
export class ShuttingDownError extends Error {}

interface Entry {
  room: Promise<Room>
  loaded?: Room
  /** A status announced while the room loaded: newer than the one the load read. */
  status?: DocumentStatus
  unloadTimer?: NodeJS.Timeout
  unloading?: Promise<void>
}

export interface RoomRegistryOptions extends Omit<RoomOptions, 'onSaveStateChange'> {
  /** How long a room with no connections stays loaded (ms). */
  idleUnloadMs: number
  /**
   * Told when saving a document starts failing (again after every failed retry, so people
   * who open it later hear it too) and when it works again. Default: nobody.
   */
  onSaveStateChange?: (documentId: string, failing: boolean) => void
  /** Called once a room is loaded (e.g. to take its baseline for automatic versions). */
  onRoomLoaded?: (room: Room) => void
  /** Called when the last connection of a room leaves (e.g. to keep an automatic version). */
  onRoomEmpty?: (room: Room) => void
}

/** After messages between instances may have been lost: catch up now, and once more when writes in flight have landed. */
const CATCH_UP_AGAIN_MS = 2000

/**
 * The open documents. Twenty clients opening a cold document share one load
 * and one Y.Doc; a failed load caches nothing; idle rooms are saved and unloaded.
 */
export class RoomRegistry {
  private readonly rooms = new Map<string, Entry>()
  private closing = false
  private loads = 0

  constructor(
    /** Where documents persist; public for operations tools and fault-injection tests. */
    readonly store: DocumentStore,
    /** The document's current status, or undefined when it does not exist. */
    private readonly statusOf: (documentId: string) => Promise<DocumentStatus | undefined>,
    private readonly options: RoomRegistryOptions,
    private readonly logger: Logger,
    /** The other instances holding the same documents (none by default). */
    private readonly cluster: Cluster,
  ) {
    cluster.onResyncNeeded(() => {
      void this.catchUpAll()
      setTimeout(() => void this.catchUpAll(), CATCH_UP_AGAIN_MS).unref()
    })
  }

  get loadedCount(): number {
    return this.rooms.size
  }

  /** Loads started since the registry was made (a shared load counts once). */
  get loadCount(): number {
    return this.loads
  }

  /** The room if it is in memory now (for the API: one copy of the truth). */
  loaded(documentId: string): Room | undefined {
    return this.rooms.get(documentId)?.loaded
  }

  /** Loads the document if needed and adds the connection. */
  async join(documentId: string, connection: Connection): Promise<Room> {
    const room = await this.acquire(documentId)
    if (connection.closed) {
      this.scheduleUnloadIfIdle(documentId, room)
      return room
    }
    room.addConnection(connection)
    return room
  }

  /**
   * Runs `fn` on the live document (loading it if nobody has it open), so the API reads
   * the same copy the editors write: never a second copy of the truth.
   */
  async withDocument<T>(documentId: string, fn: (room: Room) => T): Promise<T> {
    const room = await this.acquire(documentId)
    try {
      return fn(room)
    } finally {
      this.scheduleUnloadIfIdle(documentId, room)
    }
  }

  /** The live-document port of the documents layer: reads on the one live copy. */
  read<T>(documentId: string, fn: (room: Room) => T): Promise<T> {
    return this.withDocument(documentId, fn)
  }

  /**
   * Reads a document without making it a room: the room's copy when one is in memory, else
   * what storage holds. For checks that must not wait on a room being opened.
   */
  async peek<T>(documentId: string, fn: (doc: Y.Doc) => T): Promise<T> {
    const loaded = this.rooms.get(documentId)?.loaded
    if (loaded) return fn(loaded.doc)
    const doc = new Y.Doc()
    try {
      for (const update of (await this.store.load(documentId)).updates) Y.applyUpdate(doc, update)
      return fn(doc)
    } finally {
      doc.destroy()
    }
  }

  /** Changes the live document in one transaction, with the origin of the server's `change`. */
  change<T>(
    documentId: string,
    change: keyof typeof SERVER_ORIGINS,
    fn: (room: Room) => T,
  ): Promise<T> {
    return this.withDocument(documentId, (room) => {
      let result: T | undefined
      Y.transact(room.doc, () => (result = fn(room)), SERVER_ORIGINS[change])
      return result as T
    })
  }

  /** Changes the live document in several transactions with the origin of `change`, synchronously. */
  changeInSteps<T>(
    documentId: string,
    change: keyof typeof SERVER_ORIGINS,
    fn: (room: Room, step: (edit: () => void) => void) => T,
  ): Promise<T> {
    return this.withDocument(documentId, (room) =>
      fn(room, (edit) => Y.transact(room.doc, edit, SERVER_ORIGINS[change])),
    )
  }

  /** Writes a new document's first content to storage, before anyone has it open. */
  seed(documentId: string, update: Uint8Array): Promise<void> {
    return this.store.append(documentId, update)
  }

  /** Every live document in memory now. */
  inMemory(): Room[] {
    return this.loadedRooms()
  }

  /** Every room in memory now. */
  loadedRooms(): Room[] {
    return [...this.rooms.values()].flatMap((entry) => (entry.loaded ? [entry.loaded] : []))
  }

  leave(room: Room, connection: Connection): void {
    const wasThere = room.connections.has(connection)
    room.removeConnection(connection)
    if (wasThere && room.connections.size === 0) this.options.onRoomEmpty?.(room)
    this.scheduleUnloadIfIdle(room.id, room)
  }

  private async acquire(documentId: string): Promise<Room> {
    if (this.closing) throw new ShuttingDownError(documentId)
    let entry = this.rooms.get(documentId)
    if (entry?.unloading) {
      await entry.unloading
      entry = this.rooms.get(documentId)
    }
    if (entry) {
      clearTimeout(entry.unloadTimer)
      entry.unloadTimer = undefined
      return entry.room
    }
    if (this.closing) throw new ShuttingDownError(documentId)
    this.loads++
    const created: Entry = { room: this.load(documentId) }
    this.rooms.set(documentId, created)
    created.room.then(
      (room) => {
        created.loaded = room
        if (created.status) room.status = created.status
        this.options.onRoomLoaded?.(room)
      },
      () => {
        if (this.rooms.get(documentId) === created) this.rooms.delete(documentId)
      },
    )
    return created.room
  }

  private async load(documentId: string): Promise<Room> {
    const status = await this.statusOf(documentId)
    if (!status) throw new UnknownDocumentError(documentId)
    const { onSaveStateChange, ...options } = this.options
    // Subscribed before reading storage: whatever peers write in between arrives on the channel.
    const channel = await this.cluster.joinRoom(documentId)
    try {
      return await Room.load(
        documentId,
        status,
        this.store,
        channel,
        { ...options, onSaveStateChange: (failing) => onSaveStateChange?.(documentId, failing) },
        this.logger,
      )
    } catch (err) {
      await channel.leave()
      throw err
    }
  }

  /** Every loaded room applies what storage holds that it lacks. */
  private async catchUpAll(): Promise<void> {
    if (this.closing) return
    await Promise.all(
      this.loadedRooms().map((room) =>
        room.catchUp(this.store).catch((err: unknown) => {
          this.logger.warn({ err, documentId: room.id }, 'could not catch up from storage')
        }),
      ),
    )
  }

  private scheduleUnloadIfIdle(
    documentId: string,
    room: Room,
    delayMs = this.options.idleUnloadMs,
  ): void {
    const entry = this.rooms.get(documentId)
    if (
      this.closing ||
      !entry ||
      entry.loaded !== room ||
      room.connections.size > 0 ||
      entry.unloadTimer ||
      entry.unloading
    )
      return
    entry.unloadTimer = setTimeout(() => {
      entry.unloadTimer = undefined
      entry.unloading = this.unload(documentId, entry, room).finally(() => {
        entry.unloading = undefined
      })
    }, delayMs)
  }

  private async unload(documentId: string, entry: Entry, room: Room): Promise<void> {
    try {
      await room.persistForUnload()
    } catch (err) {
      // Keep it in memory: unloading now would lose what could not be saved.
      this.logger.error({ err, documentId }, 'could not save idle document; keeping it loaded')
      entry.unloading = undefined
      // Not sooner than a second, whatever IDLE_UNLOAD_MS is: each attempt writes to a database that just failed.
      this.scheduleUnloadIfIdle(documentId, room, Math.max(this.options.idleUnloadMs, 1000))
      return
    }
    if (room.connections.size > 0) return
    room.destroy()
    if (this.rooms.get(documentId) === entry) this.rooms.delete(documentId)
  }

  /** A role change, rename or deactivation reaches open sockets at once. */
  updateUser(userId: string, user: PresenceUser | undefined): void {
    for (const entry of this.rooms.values()) {
      for (const connection of entry.loaded?.connections ?? []) {
        if (connection.user.id !== userId) continue
        if (user) connection.user = user
        else connection.close(CloseCode.unauthorized)
      }
    }
  }

  /** A status change (e.g. finalized) applies to the next message of every open socket. */
  setStatus(documentId: string, status: DocumentStatus): void {
    const entry = this.rooms.get(documentId)
    if (!entry) return
    // A room still loading read its status before this change: it takes this one when loaded.
    if (entry.loaded) entry.loaded.status = status
    else entry.status = status
  }

  /**
   * On shutdown: open nothing more, close every socket, save every document, free
   * everything. When it resolves no timer of the registry or its rooms is left, so the
   * database can close.
   */
  async closeAll(): Promise<void> {
    this.closing = true
    const entries = [...this.rooms.entries()]
    await Promise.all(
      entries.map(async ([documentId, entry]) => {
        clearTimeout(entry.unloadTimer)
        entry.unloadTimer = undefined
        await entry.unloading
        const room = await entry.room.catch(() => undefined)
        if (!room) return
        // Sockets first (each closes politely, within a bound), so the last write holds every update.
        await settleWithin(room.goAway(), GO_AWAY_MS)
        try {
          await room.persistForUnload()
        } catch (err) {
          this.logger.error({ err, documentId }, 'could not save document at shutdown')
        }
        room.destroy()
      }),
    )
    this.rooms.clear()
  }
}
