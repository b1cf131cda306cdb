import type { Connection } from './Connection.js'

/** Why a Y.Doc changed; typed so handlers never compare bare strings. */
export type TransactionOrigin =
  | { kind: 'load' }
  | { kind: 'connection'; connection: Connection }
  | { kind: 'restore' }
  | { kind: 'suggestions' }

export const LOAD_ORIGIN: TransactionOrigin = { kind: 'load' }
export const RESTORE_ORIGIN: TransactionOrigin = { kind: 'restore' }
export const SUGGESTIONS_ORIGIN: TransactionOrigin = { kind: 'suggestions' }
