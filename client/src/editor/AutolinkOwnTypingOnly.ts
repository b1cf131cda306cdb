import { isRemoteChange } from '@accord/schema'
import { Extension } from '@tiptap/core'

/**
 * Links are made where they are typed, and only there. Tiptap's autolink looks at every
 * change, the binding's too: the text arriving when a document opens (it then links a URL
 * that ends the first paragraph), another person's change ending in a space after a URL, an
 * undo. It would record, as this person's edit, a link they never made (for a reader, an edit
 * the server refuses), and on opening it walked the whole text. The binding's changes are
 * marked so autolink leaves them: whoever typed the text had it linked, or not, already.
 */
export const AutolinkOwnTypingOnly = Extension.create({
  name: 'autolinkOwnTypingOnly',
  // Innermost of the dispatch wrappers: it marks the transaction the editor finally applies
  // (RemoteChangeKeepsNodes replaces the binding's with one of its own).
  priority: 1,

  dispatchTransaction({ transaction, next }) {
    if (isRemoteChange(transaction)) transaction.setMeta('preventAutolink', true)
    next(transaction)
  },
})
