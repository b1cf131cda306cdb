import { isInsertedIn } from '@accord/schema'
import * as Y from 'yjs'
import { idKey } from './arrivals.js'

/**
 * A block a transaction replaced with a copy of itself (a paragraph made a list item): its
 * text, and the copy's text with what it held as it arrived.
 */
export interface Move {
  from: Y.XmlText
  to: Y.XmlText
  text: string
  at: number
}

/**
 * Text a transaction wrote at the end of a text that was already deleted, so that it arrived
 * deleted: what a join writes into a paragraph someone else has just replaced. Only texts
 * `moved` knows are read, so this costs a lookup per new item.
 */
export const writtenIntoDeleted = (
  items: readonly Y.Item[],
  transaction: Y.Transaction,
  moved: ReadonlyMap<string, Move>,
): { move: Move; text: string }[] => {
  const runs: { move: Move; text: string; last: Y.Item }[] = []
  for (const item of items) {
    const { parent } = item
    if (!item.deleted || !(parent instanceof Y.XmlText) || !parent._item) continue
    const move = moved.get(idKey(parent._item.id))
    if (!move || isInsertedIn(transaction, parent._item.id)) continue
    let run = runs.at(-1)
    if (run?.move !== move) {
      run = { move, text: '', last: item }
      runs.push(run)
    }
    // Formatting inside the joined text is not carried; its characters are.
    if (item.content instanceof Y.ContentString) run.text += item.content.str
    run.last = item
  }
  // A join writes at the end of the block as its writer saw it.
  return runs.filter(({ last }) => last.rightOrigin === null)
}
