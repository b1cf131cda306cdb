import * as Y from 'yjs'

/**
 * True when `update`, already applied to `doc`, inserted something that `doc` does not show:
 * content typed into a paragraph that another change had removed meanwhile (Yjs deletes it
 * as it arrives), as opposed to content the update itself deletes. Content still waiting
 * for a change it builds on is not counted: it has not arrived yet.
 */
export const hidesInsertedText = (doc: Y.Doc, update: Uint8Array): boolean => {
  const { structs, ds } = Y.decodeUpdate(update)
  for (const struct of structs) {
    if (!(struct instanceof Y.Item) || !struct.countable) continue
    const { client } = struct.id
    const end = struct.id.clock + struct.length
    let clock = struct.id.clock
    while (clock < end && clock < Y.getState(doc.store, client)) {
      const id = Y.createID(client, clock)
      const found = Y.getItem(doc.store, id)
      if ((!(found instanceof Y.Item) || found.deleted) && !Y.isDeleted(ds, id)) return true
      clock = found.id.clock + found.length
    }
  }
  return false
}
