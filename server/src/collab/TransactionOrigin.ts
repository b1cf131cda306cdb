import type { Connection } from './Connection.js'

/** Why a Y.Doc changed; typed so handlers never compare bare strings. */
export type TransactionOrigin =
  | { kind: 'load' }
  | { kind: 'connection'; connection: Connection }
  | { kind: 'restore' }

export const LOAD_ORIGIN: TransactionOrigin = { kind: 'load' }
export const RESTORE_ORIGIN: TransactionOrigin = { kind: 'restore' }
