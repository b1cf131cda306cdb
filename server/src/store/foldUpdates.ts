import * as Y from 'yjs'

/**
 * One update holding everything `updates` hold, with deleted content dropped: applied to a
 * garbage-collecting document and encoded again (Y.mergeUpdates would keep every deleted
 * character, so a long-edited document would only grow).
 */
export const foldUpdates = (updates: readonly Uint8Array[]): Uint8Array => {
  const doc = new Y.Doc({ gc: true })
  try {
    Y.transact(doc, () => {
      for (const update of updates) Y.applyUpdate(doc, update)
    })
    return Y.encodeStateAsUpdate(doc)
  } finally {
    doc.destroy()
  }
}
