import * as Y from 'yjs'

/** Any shared type: they differ only in their event type, which nothing here reads. */
// biome-ignore lint/suspicious/noExplicitAny: Y.AbstractType<unknown> rejects every concrete type.
export type AnyType = Y.AbstractType<any>

/**
 * Which items count as there: the live text, or the text as it was just before a
 * transaction (what it inserted not yet there, what it deleted still there).
 */
export type Visibility = (item: Y.Item) => boolean

export const LIVE: Visibility = (item) => !item.deleted

/** True when `transaction` created the item with this id. */
export const isInsertedIn = (transaction: Y.Transaction, id: Y.ID): boolean =>
  id.clock >= (transaction.beforeState.get(id.client) ?? 0)

/** The text as it was before `transaction`; valid until the transaction is cleaned up. */
export const beforeTransaction =
  (transaction: Y.Transaction): Visibility =>
  (item) =>
    !isInsertedIn(transaction, item.id) &&
    (!item.deleted || Y.isDeleted(transaction.deleteSet, item.id))

/** The items of a type's list (an element's children, a text's characters) that count, in order. */
export function* itemsOf(type: AnyType, visible: Visibility): Generator<Y.Item> {
  for (let item = type._start; item; item = item.right) {
    if (item.countable && visible(item)) yield item
  }
}

/** Where an item starts in its parent's list, counting what is visible. */
export const indexOf = (item: Y.Item, visible: Visibility): number => {
  let index = 0
  for (let left = item.left; left; left = left.left) {
    if (left.countable && visible(left)) index += left.length
  }
  return index
}

/** A text's characters, embeds as U+FFFC. */
export const textOf = (text: AnyType, visible: Visibility): string => {
  let out = ''
  for (const item of itemsOf(text, visible)) {
    out += item.content instanceof Y.ContentString ? item.content.str : '\uFFFC'.repeat(item.length)
  }
  return out
}
