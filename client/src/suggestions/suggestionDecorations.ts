import {
  BLOCK_SUGGESTION_ATTR,
  changedRange,
  isSuggestionKind,
  suggestChangesPlugin,
} from '@accord/schema'
import type { Node as PMNode } from '@tiptap/pm/model'
import { type EditorState, Plugin, PluginKey } from '@tiptap/pm/state'
import { DecorationSet } from '@tiptap/pm/view'

/** Whether a text may hold suggestions: false is certain, true means "look". */
const suggestionPresenceKey = new PluginKey<boolean>('suggestionPresence')

/** Does anything in [from, to] carry a suggestion (a mark, or a block's `suggestion`)? */
const holdsSuggestion = (doc: PMNode, from: number, to: number): boolean => {
  let found = false
  doc.nodesBetween(from, to, (node) => {
    if (found) return false
    found =
      Boolean(node.attrs[BLOCK_SUGGESTION_ATTR]) ||
      node.marks.some((mark) => isSuggestionKind(mark.type.name))
    return !found
  })
  return found
}

/**
 * False when the text certainly holds no suggestion. Kept up to date from the changed range
 * of each change, so that a text without suggestions (direct editing, the usual case) is
 * never walked whole on a keystroke; the whole text is looked at again only when a change
 * removed something that was a suggestion.
 */
export const mayHoldSuggestions = (state: EditorState): boolean =>
  suggestionPresenceKey.getState(state) ?? true

const suggestionPresencePlugin = () =>
  new Plugin<boolean>({
    key: suggestionPresenceKey,
    state: {
      init: (_, state) => holdsSuggestion(state.doc, 0, state.doc.content.size),
      apply: (tr, present, old, state) => {
        if (!tr.docChanged) return present
        const range = changedRange(old.doc, state.doc)
        if (!range) return present
        if (holdsSuggestion(state.doc, range.start, range.endB)) return true
        if (!present || !holdsSuggestion(old.doc, range.start, range.endA)) return present
        return holdsSuggestion(state.doc, 0, state.doc.content.size)
      },
    },
  })

/**
 * @handlewithcare/prosemirror-suggest-changes' plugin (whether suggest mode is on, and the
 * marks drawn across block ends), but its decorations, which the library computes by walking
 * the whole text on every view update, are computed only when the text may hold suggestions,
 * and once per version of the text.
 */
export const suggestChangesPlugins = (): Plugin[] => {
  const library = suggestChangesPlugin()
  const draw = library.props.decorations
  let drawnFor: PMNode | null = null
  let drawn: DecorationSet = DecorationSet.empty
  const decorations = (state: EditorState) => {
    if (!mayHoldSuggestions(state)) return DecorationSet.empty
    if (state.doc !== drawnFor) {
      drawnFor = state.doc
      drawn =
        (draw?.call(library, state) as DecorationSet | null | undefined) ?? DecorationSet.empty
    }
    return drawn
  }
  return [
    suggestionPresencePlugin(),
    new Plugin({ ...library.spec, props: { ...library.spec.props, decorations } }),
  ]
}
