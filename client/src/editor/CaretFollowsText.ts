import { isRemoteChange } from '@accord/schema'
import { Extension } from '@tiptap/core'
import type { Node as PMNode } from '@tiptap/pm/model'
import {
  type EditorState,
  Plugin,
  PluginKey,
  type Selection,
  TextSelection,
  type Transaction,
} from '@tiptap/pm/state'
import { Mapping } from '@tiptap/pm/transform'
import type { EditorView } from '@tiptap/pm/view'
import {
  type ProsemirrorBinding,
  relativePositionToAbsolutePosition,
  ySyncPluginKey,
} from '@tiptap/y-tiptap'
import * as Y from 'yjs'
import { caretInCopiedText, stillAfterItsText } from './caretInCopiedText'
import { keysLeftOut, type LeftOut, typeAgain } from './keysLeftOut'
import { ownKeysBefore, ownKeysDeletedBefore } from './ownKeysBefore'

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

/** Both positions, when Yjs resolved them to places in `doc`. */
const within = (doc: PMNode, anchor: number | null, head: number | null) =>
  anchor !== null &&
  head !== null &&
  [anchor, head].every((pos) => pos >= 0 && pos <= doc.content.size)
    ? { anchor, head }
    : null

/**
 * Where the local caret belongs after a remote change (the binding's transaction, index
 * `at` in `transactions`, made by the Yjs transaction `change`; `prior` the selection before
 * it), in `state`'s document, and the keys of this person's it left out; null when neither
 * Yjs nor the text around the caret can say.
 */
const followedSelection = (
  binding: ProsemirrorBinding,
  transactions: readonly Transaction[],
  at: number,
  prior: Selection,
  state: EditorState,
  change: Y.Transaction | null,
): { selection: Selection; leftOut?: LeftOut | null } | null => {
  const before = binding.beforeTransactionSelection as {
    type?: string
    anchor?: Y.RelativePosition | null
    head?: Y.RelativePosition | null
  } | null
  const remote = transactions[at]
  if (before?.type !== 'text' || !before.anchor || !before.head || !remote) return null
  const { anchor, head } = before
  // Plugins may have appended changes after the binding's (e.g. a clause id repair).
  const later = new Mapping(transactions.slice(at + 1).flatMap((tr) => tr.mapping.maps))
  const kept = [anchor, head].every((position) =>
    holderSurvives(binding.doc, binding.type, position),
  )
  const resolve = (position: Y.RelativePosition) =>
    relativePositionToAbsolutePosition(binding.doc, binding.type, position, binding.mapping)
  const resolved = kept ? within(remote.doc, resolve(anchor), resolve(head)) : null
  // Past this person's own last keys: a split before them leaves them behind with the caret.
  const typed = resolved && prior.empty ? ownKeysBefore(binding.doc, head) : 0
  const own =
    resolved &&
    typed <= Math.min(prior.$head.parentOffset, remote.doc.resolve(resolved.head).parentOffset)
      ? typed
      : 0
  if (
    prior.empty &&
    !(
      resolved &&
      stillAfterItsText(remote.before, prior.head - own, remote.doc, resolved.head - own)
    )
  ) {
    const found = caretInCopiedText(remote.before, prior.head, remote.doc)
    if (found !== null) {
      const leftOut = keysLeftOut(
        remote.before,
        prior.head,
        remote.doc,
        found,
        resolved && { at: resolved.head, count: own },
        !resolved && change ? ownKeysDeletedBefore(binding.doc, head, change) : 0,
      )
      return {
        selection: TextSelection.near(state.doc.resolve(later.map(found))),
        leftOut: leftOut && {
          ...leftOut,
          left: leftOut.left && {
            from: later.map(leftOut.left.from),
            to: later.map(leftOut.left.to),
          },
        },
      }
    }
  }
  if (!resolved) return null
  return {
    selection: TextSelection.between(
      state.doc.resolve(later.map(resolved.anchor)),
      state.doc.resolve(later.map(resolved.head)),
    ),
  }
}

/**
 * The Yjs transaction whose observers are running (the binding turns a remote change into
 * an editor transaction in one of them), for the doc it was last asked about.
 */
const observedTransactions = () => {
  let doc: Y.Doc | null = null
  let current: Y.Transaction | null = null
  const began = (transaction: Y.Transaction) => {
    current = transaction
  }
  const ended = () => {
    current = null
  }
  const stop = () => {
    doc?.off('beforeObserverCalls', began)
    doc?.off('afterTransaction', ended)
    doc = null
    current = null
  }
  return {
    of: (watched: Y.Doc): Y.Transaction | null => {
      if (doc !== watched) {
        stop()
        doc = watched
        watched.on('beforeObserverCalls', began)
        watched.on('afterTransaction', ended)
      }
      return current
    },
    stop,
  }
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
 *
 * One more case: the change re-created the caret's text close by. y-prosemirror writes a join
 * of two blocks, a split and a block made a list item as the old block (or the split-off
 * tail) deleted and a copy of its text inserted. The caret's Yjs position then points into
 * deleted text: the binding's recovery put it back at its old offset, in the next block (the
 * clause heading after a joined paragraph), and Yjs at the place the tail was cut from, after
 * the person's own keys the copy never had; the person typing on wrote into the wrong block.
 * So when Yjs cannot resolve a caret, or resolves it where some of the characters it was
 * after are gone, it is put where it belongs in the copy (`caretInCopiedText`), when that can
 * be told. "The characters it was after" are those before this person's own last keys: after
 * a split, the keys the copy never had stay where the tail was cut off (`ownKeysBefore`).
 * Those keys, or the ones a join or a list deleted with the old block, are then typed again
 * after the caret's text in the copy (`keysLeftOut`), so that none is lost.
 */
export const CaretFollowsText = Extension.create({
  name: 'caretFollowsText',

  addProseMirrorPlugins: () => {
    const transactions = observedTransactions()
    let view: EditorView | null = null
    return [
      new Plugin({
        key: caretFollowsTextKey,
        view: (editorView) => {
          view = editorView
          return { destroy: transactions.stop }
        },
        appendTransaction: (batch, old, state) => {
          const binding = (ySyncPluginKey.getState(state) as SyncState | undefined)?.binding
          const change = binding ? transactions.of(binding.doc) : null
          const at = batch.findIndex(isRemoteChange)
          if (at < 0 || !binding) return null
          const prior = at === 0 ? old.selection : batch[at - 1]?.selection
          if (!prior) return null
          const followed = followedSelection(binding, batch, at, prior, state, change)
          if (!followed) return null
          const { selection, leftOut } = followed
          if (leftOut && view) {
            const { doc } = state
            const editor = view
            // The binding writes nothing to Yjs while it applies a remote change: the keys are
            // typed again once it is done, if the text and the caret are as they were left.
            queueMicrotask(() => {
              if (editor.state.doc === doc && editor.state.selection.eq(selection)) {
                typeAgain(editor, leftOut)
              }
            })
          }
          if (selection.eq(state.selection)) return null
          // Marked as the binding's own, so that to every plugin the change is still a remote one.
          return state.tr
            .setSelection(selection)
            .setMeta('addToHistory', false)
            .setMeta(ySyncPluginKey, batch[at]?.getMeta(ySyncPluginKey))
        },
      }),
    ]
  },
})
