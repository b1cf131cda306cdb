import * as Y from 'yjs'

/**
 * The items a finished transaction added to `doc` (its clocks from `beforeState` to
 * `afterState`), in clock order per client; an item the transaction merged into an older
 * neighbour is included with it. Costs what the transaction added, not the document.
 */
export function* newItems(doc: Y.Doc, transaction: Y.Transaction): Generator<Y.Item> {
  for (const [client, after] of transaction.afterState) {
    const before = transaction.beforeState.get(client) ?? 0
    if (after <= before) continue
    const structs = doc.store.clients.get(client) ?? []
    for (let i = Y.findIndexSS(structs, before); i < structs.length; i++) {
      const struct = structs[i] as Y.Item | Y.GC
      if (struct.id.clock >= after) break
      if (struct instanceof Y.Item) yield struct
    }
  }
}
