import type { EditorState } from '@tiptap/pm/state'
import {
  absolutePositionToRelativePosition,
  relativePositionToAbsolutePosition,
  ySyncPluginKey,
} from '@tiptap/y-tiptap'
import * as Y from 'yjs'

interface Binding {
  doc: Y.Doc
  type: Y.XmlFragment
  mapping: Parameters<typeof absolutePositionToRelativePosition>[2]
}

const bindingOf = (state: EditorState): Binding | undefined =>
  (ySyncPluginKey.getState(state) as { binding?: Binding } | undefined)?.binding

const toBase64 = (bytes: Uint8Array): string => btoa(String.fromCharCode(...bytes))
const fromBase64 = (text: string): Uint8Array => Uint8Array.from(atob(text), (c) => c.charCodeAt(0))

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
 * Where an anchor is in the editor now; null when its text was removed (the two ends met)
 * or it cannot be found.
 */
export const rangeOfAnchor = (
  state: EditorState,
  anchor: { start: string; end: string },
): { from: number; to: number } | null => {
  const binding = bindingOf(state)
  if (!binding) return null
  try {
    const resolve = (b64: string) =>
      relativePositionToAbsolutePosition(
        binding.doc,
        binding.type,
        Y.decodeRelativePosition(fromBase64(b64)),
        binding.mapping,
      )
    const from = resolve(anchor.start)
    const to = resolve(anchor.end)
    if (from === null || to === null || to <= from) return null
    return { from, to }
  } catch {
    // A malformed anchor is treated like removed text: the thread stays readable.
    return null
  }
}
