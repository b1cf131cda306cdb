import * as Y from 'yjs'
import { type AnyType, indexOf, type Visibility } from './visibility.js'

/** A place in the document: an index into a text (characters) or an element (children). */
export interface AnchorPoint {
  type: AnyType
  index: number
}

/**
 * Where a relative position points, counting what `visible` shows: 'unknown' when it names
 * something this document never had; 'gone' when its item was garbage-collected (it was in
 * content removed with its paragraph, clause or any other container).
 *
 * Unlike `Y.createAbsolutePositionFromRelativePosition`, it never follows undone deletions:
 * only the client that pressed undo knows of them, and every copy must place a comment alike.
 */
export const pointOf = (
  doc: Y.Doc,
  position: Y.RelativePosition,
  visible: Visibility,
): AnchorPoint | 'unknown' | 'gone' => {
  const { store } = doc
  const known = (id: Y.ID) => id.clock < Y.getState(store, id.client)
  if (position.item) {
    if (!known(position.item)) return 'unknown'
    const item = Y.getItem(store, position.item)
    if (!(item instanceof Y.Item)) return 'gone'
    if (!(item.parent instanceof Y.AbstractType) || item.parentSub !== null) return 'unknown'
    const shown = item.countable && visible(item)
    const within = position.item.clock - item.id.clock + (position.assoc >= 0 ? 0 : 1)
    return { type: item.parent, index: indexOf(item, visible) + (shown ? within : 0) }
  }
  let type: AnyType | undefined
  if (position.tname !== null) type = doc.share.get(position.tname)
  else if (position.type) {
    if (!known(position.type)) return 'unknown'
    const item = Y.getItem(store, position.type)
    if (!(item instanceof Y.Item)) return 'gone'
    if (item.content instanceof Y.ContentType) type = item.content.type
  }
  if (!type) return 'unknown'
  let length = 0
  if (position.assoc >= 0) {
    for (let item = type._start; item; item = item.right) {
      if (item.countable && visible(item)) length += item.length
    }
  }
  return { type, index: length }
}

/**
 * Whether a type is part of `root` and shown: 'elsewhere' when it belongs to another
 * top-level type (or none), 'removed' when it or one of its containers is not visible.
 */
export const placeOf = (
  type: AnyType,
  root: AnyType,
  visible: Visibility,
): 'shown' | 'removed' | 'elsewhere' => {
  let shown = true
  let current: AnyType = type
  while (current !== root) {
    const item = current._item
    if (!item || !(item.parent instanceof Y.AbstractType)) return 'elsewhere'
    if (!visible(item)) shown = false
    current = item.parent
  }
  return shown ? 'shown' : 'removed'
}

/** The child indices from `root` down to the point, then its index; null when not under `root`. */
export const pathOf = (point: AnchorPoint, root: AnyType, visible: Visibility): number[] | null => {
  const path = [point.index]
  let current = point.type
  while (current !== root) {
    const item = current._item
    if (!item || !(item.parent instanceof Y.AbstractType)) return null
    path.unshift(indexOf(item, visible))
    current = item.parent
  }
  return path
}

/** The point a path leads to under `root`, or null when the structure is not there. */
export const pointAt = (
  root: AnyType,
  path: readonly number[],
  visible: Visibility,
): AnchorPoint | null => {
  let type = root
  for (const step of path.slice(0, -1)) {
    let child: AnyType | undefined
    let index = 0
    for (let item = type._start; item; item = item.right) {
      if (!item.countable || !visible(item)) continue
      if (index === step) {
        if (item.content instanceof Y.ContentType) child = item.content.type
        break
      }
      index += item.length
    }
    if (!child) return null
    type = child
  }
  return { type, index: path[path.length - 1] ?? 0 }
}
