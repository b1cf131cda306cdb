import { BODY_FRAGMENT, documentSchema, writeSettingsOfState } from '@accord/schema'
import type { JSONContent } from '@tiptap/core'
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap'
import type * as Y from 'yjs'

/**
 * Writes a version's content and settings into the live document, inside the caller's
 * transaction: history moves forward, nothing is erased, and every connected client receives
 * it as an ordinary update. Unchanged blocks are kept as they are (the binding diffs the
 * trees), so comments on text the restore does not touch stay anchored.
 */
export const overwriteWithVersion = (
  live: Y.Doc,
  content: JSONContent,
  versionState: Uint8Array,
): void => {
  prosemirrorJSONToYXmlFragment(documentSchema(), content, live.getXmlFragment(BODY_FRAGMENT))
  writeSettingsOfState(live, versionState)
}
