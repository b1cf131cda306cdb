import type { Connection } from './Connection.js'

/** Why a Y.Doc changed; typed so handlers never compare bare strings. */
export type TransactionOrigin = { kind: 'load' } | { kind: 'connection'; connection: Connection }

export const LOAD_ORIGIN: TransactionOrigin = { kind: 'load' }
