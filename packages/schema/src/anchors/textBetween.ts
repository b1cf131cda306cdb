import * as Y from 'yjs'
import { type AnyType, itemsOf, textOf, type Visibility } from './visibility.js'

/** Stands between blocks in `textBetween`, so that it never counts as words. */
export const BLOCK_BREAK = '\u2029'

/** True when `text` (from `textBetween`) holds anything but block breaks. */
export const hasWords = (text: string): boolean => text.replaceAll(BLOCK_BREAK, '') !== ''

/**
 * The text between two paths under `type` (see `pathOf`), blocks separated by BLOCK_BREAK;
 * null bounds mean the start and the end of `type`. Empty when `to` is not after `from`.
 */
export const textBetween = (
  type: AnyType,
  from: readonly number[] | null,
  to: readonly number[] | null,
  visible: Visibility,
): string => {
  if (type instanceof Y.XmlText) {
    const text = textOf(type, visible)
    return text.slice(from?.[0] ?? 0, to ? to[0] : text.length)
  }
  const children = [...itemsOf(type, visible)]
  const first = from?.[0] ?? 0
  // An end that is just an index stops before that child; a longer one goes into it.
  const last = to ? (to[0] ?? 0) - (to.length > 1 ? 0 : 1) : children.length - 1
  const parts: string[] = []
  for (let k = first; k <= last; k++) {
    const content = children[k]?.content
    if (!(content instanceof Y.ContentType)) continue
    const inner = (bound: readonly number[] | null) =>
      bound && bound[0] === k && bound.length > 1 ? bound.slice(1) : null
    parts.push(textBetween(content.type, inner(from), inner(to), visible))
  }
  return parts.join(BLOCK_BREAK)
}
