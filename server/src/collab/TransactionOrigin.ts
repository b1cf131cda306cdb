import type { Connection } from './Connection.js'

/** Why a Y.Doc changed; typed so handlers never compare bare strings. */
export type TransactionOrigin =
  | { kind: 'load' }
  | { kind: 'connection'; connection: Connection }
  | { kind: 'restore' }
  /** Another instance's clients, through the cluster. */
  | { kind: 'peer' }
  /** Catching up from storage after messages between instances may have been lost: stored already. */
  | { kind: 'storage' }
  | { kind: 'suggestions' }
  /** The server setting a suggestion's author and time to its own truth (suggestionAttribution). */
  | { kind: 'attribution' }
  /** A translator applying the source's structural changes to a translation. */
  | { kind: 'structure' }
  /** The server removing what two people wrote twice at once, or putting back what it lost (ConcurrentCopies). */
  | { kind: 'concurrentCopies' }

export const LOAD_ORIGIN: TransactionOrigin = { kind: 'load' }
export const RESTORE_ORIGIN: TransactionOrigin = { kind: 'restore' }
export const PEER_ORIGIN: TransactionOrigin = { kind: 'peer' }
export const STORAGE_ORIGIN: TransactionOrigin = { kind: 'storage' }
export const SUGGESTIONS_ORIGIN: TransactionOrigin = { kind: 'suggestions' }
export const ATTRIBUTION_ORIGIN: TransactionOrigin = { kind: 'attribution' }
export const STRUCTURE_ORIGIN: TransactionOrigin = { kind: 'structure' }
export const CONCURRENT_COPIES_ORIGIN: TransactionOrigin = { kind: 'concurrentCopies' }
