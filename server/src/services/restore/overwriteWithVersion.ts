import { BODY_FRAGMENT, documentSchema } from '@accord/schema'
import type { JSONContent } from '@tiptap/core'
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap'
import * as Y from 'yjs'
import type { Room } from '../../collab/Room.js'
import { RESTORE_ORIGIN } from '../../collab/TransactionOrigin.js'

/**
 * Writes a version's content into the live document as a new change: history moves
 * forward, nothing is erased, and every connected client receives it as an ordinary
 * update. Unchanged blocks are kept as they are (the binding diffs the trees), so
 * comments on text the restore does not touch stay anchored.
 */
export const overwriteWithVersion = (
  room: Room,
  content: JSONContent,
  versionState: Uint8Array,
): void => {
  const old = new Y.Doc()
  Y.applyUpdate(old, versionState)
  const oldSettings = old.getMap<unknown>('settings').toJSON()
  Y.transact(
    room.doc,
    () => {
      prosemirrorJSONToYXmlFragment(
        documentSchema(),
        content,
        room.doc.getXmlFragment(BODY_FRAGMENT),
      )
      const settings = room.doc.getMap<unknown>('settings')
      for (const [key, value] of Object.entries(oldSettings)) {
        if (settings.get(key) !== value) settings.set(key, value)
      }
    },
    RESTORE_ORIGIN,
  )
  old.destroy()
}
