/**
 * What an update depends on, read from the update alone, so that the room can tell before
 * applying it whether it will apply whole. Yjs itself keeps whatever cannot be integrated yet
 * ("pending structs") and tries all of it again on every later update, re-merging it each
 * time: a large update whose predecessor never comes makes every following frame cost as much
 * as that update, on the live document and on the scratch copy. The room instead holds such an
 * update aside (HeldUpdates) and applies it once what it needs has arrived.
 *
 * An update can be integrated whole when, for every client it names, the document already
 * reaches its first clock (clocks of one client arrive in order), covers every range it skips,
 * and holds every struct it refers to from outside itself: the left and right neighbours an
 * item was inserted between, its parent, and every range it deletes.
 */
import * as Y from 'yjs'
import { ProtocolError } from './protocol.js'

export interface UpdateNeeds {
  /** Per client id: the document's clock for that client must have reached at least this. */
  readonly clocks: ReadonlyMap<number, number>
  /** Structs the update carries (text runs, elements, attributes, formats). */
  readonly structs: number
}

export type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>

/** Decodes a client's update. Throws ProtocolError for one that does not decode. */
export const decodeClientUpdate = (update: Uint8Array): DecodedUpdate => {
  try {
    return Y.decodeUpdate(update)
  } catch (err) {
    throw new ProtocolError(`update does not decode: ${(err as Error).message}`)
  }
}

/** Reads an update's needs. Throws ProtocolError for an update that does not decode. */
export const readNeeds = (update: Uint8Array): UpdateNeeds => needsOf(decodeClientUpdate(update))

/** The needs of a decoded update. */
export const needsOf = (decoded: DecodedUpdate): UpdateNeeds => {
  const clocks = new Map<number, number>()
  const need = (client: number, clock: number) => {
    if (clock > (clocks.get(client) ?? 0)) clocks.set(client, clock)
  }
  /** The clock range each client's structs cover in this update. */
  const ranges = new Map<number, { from: number; to: number }>()
  const references: Y.ID[] = []
  let structs = 0
  for (const struct of decoded.structs) {
    const { client, clock } = struct.id
    const range = ranges.get(client)
    if (range) range.to = clock + struct.length
    else {
      ranges.set(client, { from: clock, to: clock + struct.length })
      need(client, clock)
    }
    if (struct instanceof Y.Skip) {
      need(client, clock + struct.length)
      continue
    }
    structs++
    if (!(struct instanceof Y.Item)) continue
    if (struct.origin) references.push(struct.origin)
    if (struct.rightOrigin) references.push(struct.rightOrigin)
    if (struct.parent instanceof Y.ID) references.push(struct.parent)
  }
  /** Structs of `client` up to `to` must be known, but for those this update carries itself. */
  const needUpTo = (client: number, to: number) => {
    const range = ranges.get(client)
    need(client, range && to <= range.to ? Math.min(to, range.from) : to)
  }
  for (const { client, clock } of references) needUpTo(client, clock + 1)
  for (const [client, deletions] of decoded.ds.clients) {
    for (const { clock, len } of deletions) needUpTo(client, clock + len)
  }
  return { clocks, structs }
}

/** True when `doc` holds everything `needs` names, so the update applies whole. */
export const meetsNeeds = (doc: Y.Doc, needs: UpdateNeeds): boolean => {
  for (const [client, clock] of needs.clocks) {
    if (Y.getState(doc.store, client) < clock) return false
  }
  return true
}
