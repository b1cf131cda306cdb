import type { DocumentEvent, DocumentStatus, PresenceUser } from '@accord/protocol'
import type { Store } from 'express-rate-limit'

/** What one instance tells every instance (itself included). */
export type ClusterEvent =
  /** For the document's event-stream subscribers (comments, status, save health). */
  | { kind: 'document'; documentId: string; event: DocumentEvent }
  /** An account changed (role, name) or was deactivated (`user: null`): open sockets follow. */
  | { kind: 'user'; userId: string; user: PresenceUser | null }
  /** A document's status changed: open sockets follow from their next message. */
  | { kind: 'status'; documentId: string; status: DocumentStatus }
  /**
   * Sessions ended (signed out, password changed or reset, account deactivated): their
   * WebSockets and event streams close. Ids are the stored hashes, never tokens.
   */
  | { kind: 'sessionsEnded'; sessionIds: string[] }
  /** A person's inbox changed: their open inbox streams get the new unread count. */
  | { kind: 'inbox'; userId: string; unread: number }

/** Where a room hands what other instances' clients did. */
export interface RoomReceiver {
  receiveUpdate(update: Uint8Array): void
  receiveAwareness(update: Uint8Array): void
}

/** One document's line to the other instances holding it. */
export interface RoomChannel {
  /**
   * Starts delivering to `receiver`, first whatever arrived since `joinRoom` resolved: the
   * room subscribes before it reads storage, so nothing written in between is missed.
   */
  attach(receiver: RoomReceiver): void
  publishUpdate(update: Uint8Array): void
  publishAwareness(update: Uint8Array): void
  /** Stops receiving (the room unloads). */
  leave(): Promise<void>
}

/**
 * The instances serving one installation. `LocalCluster` is the one-process default;
 * `RedisCluster` joins instances through Redis pub/sub.
 */
export interface Cluster {
  /** False while the link to the other instances is down (edits still save; peers catch up later). */
  readonly connected: boolean
  joinRoom(documentId: string): Promise<RoomChannel>
  /** Delivers to this instance at once and to the others through the cluster. */
  broadcast(event: ClusterEvent): void
  onEvent(listener: (event: ClusterEvent) => void): void
  /**
   * Told when messages between instances may have been lost (the link to Redis came back
   * after an outage): rooms then catch up from storage, which every instance writes to.
   */
  onResyncNeeded(listener: () => void): void
  /**
   * Where the rate limit `name` counts, so that all instances count one person's attempts
   * together; `undefined`: in this process (there is no other).
   */
  limitStore(name: string): Store | undefined
  close(): Promise<void>
}
