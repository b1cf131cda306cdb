import type { Transaction } from '@tiptap/pm/state'

/**
 * Is this a change the Yjs binding made (someone else's, or an undo)? Such a change is
 * already what it is: suggest mode, table repair and the editor's appending plugins leave it
 * alone.
 */
export const isRemoteChange = (tr: Transaction): boolean => {
  const meta = tr.getMeta('y-sync$') as
    | { isChangeOrigin?: boolean; isUndoRedoOperation?: boolean }
    | undefined
  return Boolean(meta?.isChangeOrigin || meta?.isUndoRedoOperation)
}
