/**
 * Awareness updates are rewritten before the room applies them: a client may
 * announce only client ids that are its own (AwarenessOwners: no overwriting another
 * connection's presence, nor taking over a person's id while they reconnect), and the
 * `user` it shows is always the authenticated one.
 *
 * Format of an awareness update: varUint count, then per entry varUint
 * clientID, varUint clock, varString JSON state (`null` = gone).
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { ProtocolError } from './protocol.js'

export interface AwarenessEntry {
  clientId: number
  clock: number
  state: Record<string, unknown> | null
}

/** More entries than any honest client sends in one update. */
const MAX_ENTRIES = 64

export const readAwarenessUpdate = (update: Uint8Array): AwarenessEntry[] => {
  try {
    const decoder = decoding.createDecoder(update)
    const count = decoding.readVarUint(decoder)
    if (count > MAX_ENTRIES) throw new ProtocolError('too many awareness entries')
    const entries: AwarenessEntry[] = []
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder)
      const clock = decoding.readVarUint(decoder)
      const state: unknown = JSON.parse(decoding.readVarString(decoder))
      if (state !== null && (typeof state !== 'object' || Array.isArray(state))) {
        throw new ProtocolError('awareness state must be an object or null')
      }
      entries.push({ clientId, clock, state: state as Record<string, unknown> | null })
    }
    return entries
  } catch (err) {
    if (err instanceof ProtocolError) throw err
    throw new ProtocolError(`malformed awareness update: ${(err as Error).message}`)
  }
}

export const writeAwarenessUpdate = (entries: readonly AwarenessEntry[]): Uint8Array => {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, entries.length)
  for (const entry of entries) {
    encoding.writeVarUint(encoder, entry.clientId)
    encoding.writeVarUint(encoder, entry.clock)
    encoding.writeVarString(encoder, JSON.stringify(entry.state))
  }
  return encoding.toUint8Array(encoder)
}

/**
 * Keeps the entries whose client id the connection may write (`mayWrite`, see
 * AwarenessOwners) and stamps its real user on them.
 */
export const guardAwareness = (
  entries: readonly AwarenessEntry[],
  mayWrite: (clientId: number) => boolean,
  user: Record<string, unknown>,
): AwarenessEntry[] =>
  entries
    .filter((entry) => mayWrite(entry.clientId))
    .map((entry) => (entry.state === null ? entry : { ...entry, state: { ...entry.state, user } }))
