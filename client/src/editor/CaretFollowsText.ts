import { isRemoteChange } from '@accord/schema'
import { Extension } from '@tiptap/core'
import {
  type EditorState,
  Plugin,
  PluginKey,
  type Selection,
  TextSelection,
  type Transaction,
} from '@tiptap/pm/state'
import { Mapping } from '@tiptap/pm/transform'
import {
  type ProsemirrorBinding,
  relativePositionToAbsolutePosition,
  ySyncPluginKey,
} from '@tiptap/y-tiptap'
import * as Y from 'yjs'

export const caretFollowsTextKey = new PluginKey('caretFollowsText')

interface SyncState {
  binding?: ProsemirrorBinding
}

/**
 * Is the Yjs text (or element) that holds this relative position still in the document, with
 * every element above it? Then Yjs resolves the position exactly, whatever was typed around it.
 */
const holderSurvives = (doc: Y.Doc, fragment: Y.XmlFragment, position: Y.RelativePosition) => {
  const absolute = Y.createAbsolutePositionFromRelativePosition(position, doc)
  if (!absolute) return false
  let type: Y.AbstractType<unknown> = absolute.type
  while (type !== fragment) {
    const item = type._item
    if (!item || item.deleted || !(item.parent instanceof Y.AbstractType)) return false
    type = item.parent
  }
  return true
}

/**
 * Where the local caret belongs after a remote change (the binding's transaction, index
 * `at` in `transactions`), in `state`'s document; null when Yjs cannot say exactly.
 */
const followedSelection = (
  binding: ProsemirrorBinding,
  transactions: readonly Transaction[],
  at: number,
  state: EditorState,
): Selection | null => {
  const before = binding.beforeTransactionSelection as {
    type?: string
    anchor?: Y.RelativePosition | null
    head?: Y.RelativePosition | null
  } | null
  if (before?.type !== 'text' || !before.anchor || !before.head) return null
  const { anchor, head } = before
  if (
    !holderSurvives(binding.doc, binding.type, anchor) ||
    !holderSurvives(binding.doc, binding.type, head)
  )
    return null
  const resolve = (position: Y.RelativePosition) =>
    relativePositionToAbsolutePosition(binding.doc, binding.type, position, binding.mapping)
  const anchorPos = resolve(anchor)
  const headPos = resolve(head)
  const remoteDoc = transactions[at]?.doc
  if (anchorPos === null || headPos === null || !remoteDoc) return null
  const size = remoteDoc.content.size
  if (anchorPos < 0 || headPos < 0 || anchorPos > size || headPos > size) return null
  // Plugins may have appended changes after the binding's (e.g. a clause id repair).
  const later = new Mapping(transactions.slice(at + 1).flatMap((tr) => tr.mapping.maps))
  return TextSelection.between(
    state.doc.resolve(later.map(anchorPos)),
    state.doc.resolve(later.map(headPos)),
  )
}

/**
 * Keeps this person's caret on the characters it was next to when someone else's change
 * arrives, as Yjs relative positions say.
 *
 * y-tiptap 3.0.9 takes the caret as relative positions before a remote change and resolves
 * them after it, but then second-guesses the result: whenever the caret's paragraph text
 * differs (as it does whenever someone typed in that paragraph) it looks the top-level block
 * up by its content or by attributes that differ from their defaults, and puts the caret back
 * at its old offset inside it. Every clause and sub-clause carries a unique `id`, so every
 * caret in a clause was put back at its old offset, inside the word that now sits there
 * ("…на д!оступ."); a level-2 heading or a block carrying a suggestion would be too.
 *
 * That recovery is right only when the text that held the caret was deleted and re-created
 * (a block moved by drag and drop or by "out, then back in"). So: when the Yjs text or element
 * holding the caret, and every element above it, survived the change, the caret is put where
 * Yjs resolves it; otherwise the binding's recovery stands.
 */
export const CaretFollowsText = Extension.create({
  name: 'caretFollowsText',

  addProseMirrorPlugins: () => [
    new Plugin({
      key: caretFollowsTextKey,
      appendTransaction: (transactions, _old, state) => {
        const at = transactions.findIndex(isRemoteChange)
        const binding = (ySyncPluginKey.getState(state) as SyncState | undefined)?.binding
        if (at < 0 || !binding) return null
        const selection = followedSelection(binding, transactions, at, state)
        if (!selection || selection.eq(state.selection)) return null
        // Marked as the binding's own, so that to every plugin the change is still a remote one.
        return state.tr
          .setSelection(selection)
          .setMeta('addToHistory', false)
          .setMeta(ySyncPluginKey, transactions[at]?.getMeta(ySyncPluginKey))
      },
    }),
  ],
})
