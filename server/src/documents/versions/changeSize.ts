import type * as Y from 'yjs'

/**
 * How much changed between two snapshots of one document: Yjs items inserted plus items
 * deleted (each character of text is one). A measure of the size of a change for people to
 * compare versions by, not a count of keystrokes or words.
 */
export const changeSize = (from: Y.Snapshot, to: Y.Snapshot): number => {
  let inserted = 0
  for (const [client, clock] of to.sv) inserted += Math.max(0, clock - (from.sv.get(client) ?? 0))
  return inserted + Math.max(0, deletedCount(to) - deletedCount(from))
}

const deletedCount = (snapshot: Y.Snapshot): number => {
  let count = 0
  for (const items of snapshot.ds.clients.values()) for (const item of items) count += item.len
  return count
}
