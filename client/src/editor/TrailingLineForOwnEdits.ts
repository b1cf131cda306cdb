import { isRemoteChange } from '@accord/schema'
import { Extension } from '@tiptap/core'
import { skipTrailingNodeMeta } from '@tiptap/extensions'
import type { Transaction } from '@tiptap/pm/state'

/** Did this change alter what kind of block ends the text (a paragraph made a list, a table added)? */
const changedLastBlock = (tr: Transaction): boolean =>
  tr.docChanged && tr.before.lastChild?.type !== tr.doc.lastChild?.type

/**
 * The empty line Tiptap's TrailingNode keeps after a text ending in a list or a table is added
 * only when this person's own change is what made the text end so. Left to itself it adds the
 * line after any change while the text ends so: on opening (the binding's change), then with
 * the person's first keystroke anywhere, written as their edit though they made none; two people
 * opening such a text at once each added one, so it gained two.
 */
export const TrailingLineForOwnEdits = Extension.create({
  name: 'trailingLineForOwnEdits',
  // Innermost of the dispatch wrappers, beside AutolinkOwnTypingOnly: it marks the transaction
  // the editor finally applies.
  priority: 1,

  dispatchTransaction({ transaction, next }) {
    if (isRemoteChange(transaction) || !changedLastBlock(transaction)) {
      transaction.setMeta(skipTrailingNodeMeta, true)
    }
    next(transaction)
  },
})
