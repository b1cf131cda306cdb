import { changedRange, isRemoteChange } from '@accord/schema'
import { Extension } from '@tiptap/core'
import type { Node as PMNode } from '@tiptap/pm/model'
import type { EditorState, Transaction } from '@tiptap/pm/state'
import { Mapping, ReplaceStep } from '@tiptap/pm/transform'
import { type ProsemirrorBinding, ySyncPluginKey } from '@tiptap/y-tiptap'

/** The document before any text arrived (one empty block): it has no node worth keeping. */
const isEmpty = (doc: PMNode) => doc.childCount === 1 && doc.firstChild?.content.size === 0

/**
 * The binding's remote change rewritten to replace only the range that differs, so that the
 * new document shares every unchanged node with the old one. Null when it cannot be, or when
 * the old document is empty, as when a document opens (then the binding's own transaction
 * stands: rewriting it and repointing the binding's cache cost about 60 ms on the 1 MiB text
 * and kept nothing).
 */
export const keepUnchangedNodes = (state: EditorState, remote: Transaction): Transaction | null => {
  if (isEmpty(state.doc)) return null
  const range = changedRange(state.doc, remote.doc)
  const tr = state.tr
  if (range) {
    const step = new ReplaceStep(range.start, range.endA, remote.doc.slice(range.start, range.endB))
    if (tr.maybeStep(step).failed) return null
  }
  if (remote.selectionSet) tr.setSelection(remote.selection.map(tr.doc, new Mapping()))
  tr.setMeta(ySyncPluginKey, remote.getMeta(ySyncPluginKey))
  tr.setMeta('addToHistory', remote.getMeta('addToHistory'))
  if (remote.scrolledIntoView) tr.scrollIntoView()
  return tr
}

/** Pairs each node of `built` with the equal node of `kept` that stands in its place. */
const pairNodes = (built: PMNode, kept: PMNode, pairs: Map<PMNode, PMNode>) => {
  if (built === kept || built.childCount !== kept.childCount) return
  pairs.set(built, kept)
  for (let i = 0; i < built.childCount; i++) pairNodes(built.child(i), kept.child(i), pairs)
}

/**
 * Points the binding's cache (Yjs type → node) at the nodes the editor now holds, so that the
 * next local change finds them by identity instead of comparing every block with Yjs.
 * Every entry, not only the changed range's: y-tiptap clears the cache and builds every node
 * anew before it dispatches, so even an unchanged block's entry holds a node the editor does
 * not. An entry left so costs more than a comparison: y-tiptap finds moved blocks by these
 * identities, and without them rewrites one clause's Yjs element with its neighbour's text
 * (RemoteChangeKeepsNodes.test.ts).
 */
export const repointBinding = (binding: ProsemirrorBinding, built: PMNode, kept: PMNode) => {
  const pairs = new Map<PMNode, PMNode>()
  pairNodes(built, kept, pairs)
  const mapping = binding.mapping as Map<unknown, PMNode | PMNode[]>
  for (const [type, value] of mapping) {
    if (Array.isArray(value)) {
      if (value.some((node) => pairs.has(node)))
        mapping.set(
          type,
          value.map((node) => pairs.get(node) ?? node),
        )
    } else {
      const node = pairs.get(value)
      if (node) mapping.set(type, node)
    }
  }
}

/**
 * y-tiptap 3.0.9 rebuilds every node from Yjs on each remote change (it clears its cache to
 * keep positions right after moves), so the editor's new document shared no node with the
 * old one, and every check after it (each plugin's changed range, Tiptap's and the view's
 * equality tests, the table fixer) compared the whole document deeply, several times per
 * remote edit. This puts the old nodes back where the text is unchanged: those checks stop
 * at the first identical node again, and the view redraws only the changed block.
 */
export const RemoteChangeKeepsNodes = Extension.create({
  name: 'remoteChangeKeepsNodes',

  dispatchTransaction({ transaction, next }) {
    const binding = (ySyncPluginKey.getState(this.editor.state) as { binding?: ProsemirrorBinding })
      ?.binding
    if (!isRemoteChange(transaction) || !binding || !transaction.docChanged) {
      next(transaction)
      return
    }
    const kept = keepUnchangedNodes(this.editor.state, transaction)
    if (!kept) {
      next(transaction)
      return
    }
    repointBinding(binding, transaction.doc, kept.doc)
    next(kept)
  },
})
