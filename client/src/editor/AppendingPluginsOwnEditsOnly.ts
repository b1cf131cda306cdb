import { isRemoteChange } from '@accord/schema'
import { Extension } from '@tiptap/core'
import { skipTrailingNodeMeta } from '@tiptap/extensions/trailing-node'
import type { Transaction } from '@tiptap/pm/state'

/** Did this change alter what kind of block ends the text (a paragraph made a list, a table added)? */
const changedLastBlock = (tr: Transaction): boolean =>
  tr.docChanged && tr.before.lastChild?.type !== tr.doc.lastChild?.type

/**
 * Tiptap's appending plugins answer this person's own edits only. Left to themselves they also
 * answer the binding's changes (another person's, the text arriving on opening, an undo), and
 * what they append is written to the text with this person's next keystroke as their edit,
 * though they never made it; two people's editors doing so at once both stay. Each plugin is
 * told through its own opt-out meta:
 * - autolink (`preventAutolink`): links are made where they are typed. It linked an address
 *   ending the first paragraph on opening, and one another person's change left before a space.
 * - the line after a final list or table (`skipTrailingNode`): added only when this person's
 *   own change is what made the text end so. It was added after any change while the text
 *   ended so, once per person who opened it.
 * - clearing the whole text (`preventClearDocument`): when everything was selected and a change
 *   leaves the text empty, Tiptap turns what is left (a list, a heading) into a paragraph. For
 *   a change someone else made while this person had it all selected, that rewrote their
 *   emptied list under the words they went on to type.
 */
export const AppendingPluginsOwnEditsOnly = Extension.create({
  name: 'appendingPluginsOwnEditsOnly',
  // Innermost of the dispatch wrappers: it marks the transaction the editor finally applies
  // (RemoteChangeKeepsNodes replaces the binding's with one of its own).
  priority: 1,

  dispatchTransaction({ transaction, next }) {
    const remote = isRemoteChange(transaction)
    if (remote) {
      transaction.setMeta('preventAutolink', true)
      transaction.setMeta('preventClearDocument', true)
    }
    if (remote || !changedLastBlock(transaction)) transaction.setMeta(skipTrailingNodeMeta, true)
    next(transaction)
  },
})
