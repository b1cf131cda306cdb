import { Extension } from '@tiptap/core'
import type { Node as PMNode } from '@tiptap/pm/model'
import { type EditorState, Plugin, PluginKey } from '@tiptap/pm/state'
import { type ProsemirrorBinding, updateYFragment, ySyncPluginKey } from '@tiptap/y-tiptap'
import { simpleDiffStringWithCursor } from 'lib0/diff'
import * as Y from 'yjs'

export const typingAtCaretKey = new PluginKey('typingAtCaret')

interface SyncState {
  binding?: ProsemirrorBinding
  isChangeOrigin?: boolean
  addToHistory?: boolean
  snapshot?: unknown
  prevSnapshot?: unknown
}

/** One textblock whose text alone changed between two documents (it holds text only). */
interface TextblockEdit {
  /** Child indices from the top node down to the textblock. */
  path: number[]
  /** Where the textblock's text starts (the same in both documents). */
  textStart: number
  before: string
  after: string
}

/** Text nodes only: no hard break or other inline node, so the shared side is one Y.XmlText. */
const holdsOnlyText = (block: PMNode) => {
  let plain = true
  block.forEach((child) => {
    if (!child.isText) plain = false
  })
  return plain
}

/** The edit, when everything that differs lies inside the text of one textblock; else null. */
const textblockEdit = (before: PMNode, after: PMNode): TextblockEdit | null => {
  const start = before.content.findDiffStart(after.content)
  const end = before.content.findDiffEnd(after.content)
  if (start === null || !end) return null
  const $before = before.resolve(start)
  const $after = after.resolve(start)
  const block = $before.parent
  if (!block.isTextblock || $before.depth === 0 || $after.depth !== $before.depth) return null
  const textStart = $before.start()
  const textEnd = textStart + block.content.size
  if ($after.start() !== textStart || !$after.parent.sameMarkup(block)) return null
  const afterTextEnd = textEnd + after.content.size - before.content.size
  if (end.a < textStart || end.b < textStart || end.a > textEnd || end.b > afterTextEnd) return null
  if (!holdsOnlyText(block) || !holdsOnlyText($after.parent)) return null
  return {
    path: Array.from({ length: $before.depth }, (_, depth) => $before.index(depth)),
    textStart,
    before: block.textContent,
    after: $after.parent.textContent,
  }
}

/** The shared elements down to the textblock at `path`, and its Y.XmlText, if the shared tree has that shape. */
const sharedPathTo = (
  fragment: Y.XmlFragment,
  path: number[],
  doc: PMNode,
): { elements: Y.XmlElement[]; text: Y.XmlText } | null => {
  const elements: Y.XmlElement[] = []
  let shared: Y.XmlFragment = fragment
  let node = doc
  for (const index of path) {
    const child = shared.get(index)
    node = node.child(index)
    if (!(child instanceof Y.XmlElement) || child.nodeName !== node.type.name) return null
    elements.push(child)
    shared = child
  }
  const text = shared.length === 1 ? shared.get(0) : null
  return text instanceof Y.XmlText ? { elements, text } : null
}

const plainString = (text: Y.XmlText): string | null => {
  let out = ''
  for (const op of text.toDelta() as { insert: unknown }[]) {
    if (typeof op.insert !== 'string') return null
    out += op.insert
  }
  return out
}

/** Writes this person's edit of one paragraph into the shared text, as seen from their caret. */
const writeAtCaret = (state: EditorState, previous: EditorState) => {
  const sync = ySyncPluginKey.getState(state) as SyncState | undefined
  const binding = sync?.binding
  if (!binding || sync.isChangeOrigin || sync.snapshot || sync.prevSnapshot) return
  if (previous.doc === state.doc || !state.selection.empty) return
  const edit = textblockEdit(previous.doc, state.doc)
  if (!edit) return
  const cursor = state.selection.head - edit.textStart
  const shared = sharedPathTo(binding.type, edit.path, previous.doc)
  if (!shared || plainString(shared.text) !== edit.before) return
  // Typed text ends at the caret, deleted text ended there: the change starts at `start`.
  const grown = edit.after.length - edit.before.length
  const start = grown > 0 ? cursor - grown : cursor
  if (start < 0 || cursor > edit.after.length) return
  const { index, remove, insert } = simpleDiffStringWithCursor(edit.before, edit.after, start)
  // Inside the binding's mutex, so it does not read this change back into the editor; then the
  // binding's own diff, as its update would run it, in the same Yjs transaction: it finds the
  // text equal and brings the formatting in line.
  binding.mux(() => {
    binding.doc.transact((tr) => {
      tr.meta.set('addToHistory', sync.addToHistory !== false)
      if (remove > 0) shared.text.delete(index, remove)
      if (insert) shared.text.insert(index, insert)
      updateYFragment(binding.doc, binding.type, state.doc, binding)
    }, ySyncPluginKey)
  })
  // The binding measures positions through its map from shared elements to editor nodes. Its
  // diff does not look below an element it finds equal, so it would keep the old, shorter
  // nodes for the inner elements on this path; they now stand for the new ones.
  let node = state.doc
  for (const [depth, element] of shared.elements.entries()) {
    node = node.child(edit.path[depth] ?? 0)
    binding.mapping.set(element, node)
  }
  binding.mapping.set(
    shared.text,
    Array.from({ length: node.childCount }, (_, i) => node.child(i)),
  )
}

/**
 * Puts what this person types into the shared text exactly where their caret is.
 *
 * y-tiptap 3.0.9 writes a local change by diffing the paragraph's old and new text with no
 * regard to the caret, so a character typed just before an equal one is recorded after it.
 * That is the rule, not the exception: a word typed between two words starts with a space
 * typed before a space. The text reads the same, but in Yjs the word then hangs off the old
 * space and its own space lands after it, so a collaborator typing at the same spot can end up
 * between a word and its space: glued words ("бофону25векати28") and stray double spaces.
 * lib0's caret-aware diff resolves the tie at the caret.
 *
 * Only an edit inside the text of one paragraph (or heading) is written here, followed by the
 * binding's own diff in the same Yjs transaction, before the binding's update runs (this
 * extension's priority is higher than Collaboration's), which then finds nothing left to do.
 * Anything else (new blocks, joins, pasted structure) stays the binding's.
 */
export const TypingAtCaret = Extension.create({
  name: 'typingAtCaret',
  // Higher than Collaboration's (1000): this plugin's view updates before the binding's.
  priority: 1100,

  addProseMirrorPlugins: () => [
    new Plugin({
      key: typingAtCaretKey,
      view: () => ({ update: (view, previous) => writeAtCaret(view.state, previous) }),
    }),
  ],
})
