import { type AnchorPositions, rangeOfAnchorIn } from '@accord/schema'
import type { EditorState } from '@tiptap/pm/state'
import { absolutePositionToRelativePosition, ySyncPluginKey } from '@tiptap/y-tiptap'
import * as Y from 'yjs'

interface Binding {
  doc: Y.Doc
  type: Y.XmlFragment
  mapping: Parameters<typeof absolutePositionToRelativePosition>[2]
}

const bindingOf = (state: EditorState): Binding | undefined =>
  (ySyncPluginKey.getState(state) as { binding?: Binding } | undefined)?.binding

const toBase64 = (bytes: Uint8Array): string => btoa(String.fromCharCode(...bytes))

/** The selection as a pair of Yjs relative positions, base64 as the API takes them. */
export const anchorFromRange = (
  state: EditorState,
  from: number,
  to: number,
): { start: string; end: string } | undefined => {
  const binding = bindingOf(state)
  if (!binding) return undefined
  const encode = (pos: number) =>
    toBase64(
      Y.encodeRelativePosition(
        absolutePositionToRelativePosition(pos, binding.type, binding.mapping),
      ),
    )
  return { start: encode(from), end: encode(to) }
}

/**
 * Where an anchor's words are in the editor now, by the rule the server applies too
 * (`resolveAnchor`); null when they were removed (or the anchor names nothing here).
 */
export const rangeOfAnchor = (
  state: EditorState,
  positions: AnchorPositions,
): { from: number; to: number } | null => {
  const binding = bindingOf(state)
  return binding ? rangeOfAnchorIn(binding.doc, binding.type, binding.mapping, positions) : null
}
