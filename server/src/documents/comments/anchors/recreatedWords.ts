import {
  type AnchorPoint,
  type AnchorPositions,
  type AnyType,
  beforeTransaction,
  type EncodedAnchor,
  encodeAnchor,
  indexOf,
  isInsertedIn,
  isNumberedNodeName,
  itemsOf,
  LIVE,
  pathOf,
  pointAt,
  resolveAnchor,
  textBetween,
} from '@accord/schema'
import * as Y from 'yjs'

/*
 * When a comment's words are deleted, the shared rule (`resolveAnchor`) shows the thread as
 * "text removed", on every copy. Some deletions only re-create the words, and the server,
 * which sees each change as one transaction, tells them apart here:
 * - in the same transaction, the deleted words are inserted anew: the Yjs binding does this
 *   when a paragraph is split or joined, a block changes type, words are dragged, or a
 *   restore rewrites a block with the same words;
 * - in a later transaction, the clause or sub-clause that held them comes back with the
 *   same id (a clause move is "out, then back in"; a clause cut and pasted back; an undone
 *   deletion), or the same words are written anew at the same place of the clause (or
 *   preamble) that held them (an undo).
 * Only then does the comment get a new anchor on the copy; words that are simply deleted
 * stay deleted, however often they occur elsewhere.
 */

/** An anchor's words as they were before the transaction that removed them. */
export interface LostWords {
  from: AnchorPoint
  to: AnchorPoint
  text: string
}

/** The anchor's words if `transaction` removed them (they were there before it, not after). */
export const lostWords = (
  doc: Y.Doc,
  transaction: Y.Transaction,
  positions: AnchorPositions,
): LostWords | undefined => {
  if (resolveAnchor(doc, positions).kind === 'anchored') return undefined
  const before = resolveAnchor(doc, positions, beforeTransaction(transaction))
  return before.kind === 'anchored' ? before : undefined
}

/** A new anchor for words that were re-created, and the clause (or sub-clause) they are in now. */
export interface Recreated {
  anchor: EncodedAnchor
  clauseId: string | null
}

/** A run of characters of one text: all deleted by a transaction, or all inserted by it. */
interface Run {
  text: Y.XmlText
  /** Index of the run's start in its text, counting what `visible` shows. */
  start: number
  words: string
}

const wordsOf = (item: Y.Item): string =>
  item.content instanceof Y.ContentString ? item.content.str : '\uFFFC'.repeat(item.length)

/** The maximal run of characters the transaction deleted that holds `[from, to)` of `text`. */
const deletedRunAround = (
  transaction: Y.Transaction,
  text: Y.XmlText,
  from: number,
  to: number,
): Run | undefined => {
  const before = beforeTransaction(transaction)
  const holds = (run: Run | undefined, end: number) => run && run.start <= from && end >= to
  let index = 0
  let run: Run | undefined
  for (let item = text._start; item; item = item.right) {
    if (!item.countable || !before(item)) continue
    if (Y.isDeleted(transaction.deleteSet, item.id)) {
      run ??= { text, start: index, words: '' }
      run.words += wordsOf(item)
    } else {
      if (holds(run, index)) return run
      run = undefined
    }
    index += item.length
  }
  return holds(run, index) ? run : undefined
}

/** Every run of characters the transaction inserted that shows now. */
const insertedRuns = (doc: Y.Doc, transaction: Y.Transaction): Run[] => {
  const inserted = (item: Y.Item) => !item.deleted && isInsertedIn(transaction, item.id)
  const runs: Run[] = []
  for (const item of newItems(doc, transaction)) {
    if (!(item.parent instanceof Y.XmlText) || !item.countable || !inserted(item)) continue
    let left = item.left
    while (left && (!left.countable || left.deleted)) left = left.left
    if (left && inserted(left)) continue
    const run: Run = { text: item.parent, start: indexOf(item, LIVE), words: '' }
    for (let next: Y.Item | null = item; next; next = next.right) {
      if (!next.countable || next.deleted) continue
      if (!isInsertedIn(transaction, next.id)) break
      run.words += wordsOf(next)
    }
    runs.push(run)
  }
  return runs
}

/** The items a transaction created, in the order of their ids. */
function* newItems(doc: Y.Doc, transaction: Y.Transaction): Generator<Y.Item> {
  for (const [client, after] of transaction.afterState) {
    const before = transaction.beforeState.get(client) ?? 0
    if (after <= before) continue
    const structs = doc.store.clients.get(client) ?? []
    for (let i = Y.findIndexSS(structs, before); i < structs.length; i++) {
      const struct = structs[i]
      if (struct instanceof Y.Item) yield struct
    }
  }
}

/**
 * The same words inserted anew by the same transaction (a split, a join, a drag, a block
 * changing type): a new anchor on them. Only for words within one text, found as a whole
 * run of deleted characters that the transaction inserted again, character for character.
 */
export const copyInTransaction = (
  doc: Y.Doc,
  transaction: Y.Transaction,
  lost: LostWords,
): Recreated | undefined => {
  if (lost.from.type !== lost.to.type || !(lost.from.type instanceof Y.XmlText)) return undefined
  const deleted = deletedRunAround(transaction, lost.from.type, lost.from.index, lost.to.index)
  if (!deleted) return undefined
  const copy = insertedRuns(doc, transaction).find((run) => run.words === deleted.words)
  if (!copy) return undefined
  const from = copy.start + lost.from.index - deleted.start
  return {
    anchor: encodeAnchor(
      { type: copy.text, index: from },
      { type: copy.text, index: from + lost.to.index - lost.from.index },
    ),
    clauseId: clauseIdAt(copy.text),
  }
}

/**
 * Removed words that may come back: in a clause (or sub-clause) deleted with them, wherever
 * a clause with its id appears again (a move is "out, then back in"); otherwise at the same
 * place in the clause (or preamble) that is still there, as new text (an undo).
 */
export interface WaitingWords {
  /** The id of the deleted clause that held them. */
  movedClauseId: string | null
  /** Otherwise the clause, sub-clause or body that held them and is still there. */
  place: AnyType | null
  /** Where the words were, from that clause or place down, and what they read. */
  fromPath: number[]
  toPath: number[]
  text: string
}

const isClause = (type: AnyType): type is Y.XmlElement =>
  type instanceof Y.XmlElement && isNumberedNodeName(type.nodeName)

/** The clause to find the words in again: a deleted one (moved?) or the one still there. */
const rootOf = (transaction: Y.Transaction, type: AnyType): { root: AnyType; moved: boolean } => {
  let deleted: AnyType | undefined
  let kept: AnyType | undefined
  let current = type
  while (current._item && current._item.parent instanceof Y.AbstractType) {
    if (isClause(current)) {
      if (Y.isDeleted(transaction.deleteSet, current._item.id)) deleted = current
      else kept ??= current
    }
    current = current._item.parent
  }
  if (deleted) return { root: deleted, moved: true }
  return { root: kept ?? current, moved: false }
}

/** The attribute of a deleted element as it was (Yjs hides deleted attributes). */
const attributeOf = (element: Y.XmlElement, key: string): unknown =>
  element._map.get(key)?.content.getContent().at(-1)

/** What to wait for, now that `transaction` removed these words. */
export const waitingWords = (
  transaction: Y.Transaction,
  lost: LostWords,
): WaitingWords | undefined => {
  const { root, moved } = rootOf(transaction, lost.from.type)
  if (rootOf(transaction, lost.to.type).root !== root) return undefined
  const before = beforeTransaction(transaction)
  const fromPath = pathOf(lost.from, root, before)
  const toPath = pathOf(lost.to, root, before)
  if (!fromPath || !toPath) return undefined
  const id = moved && root instanceof Y.XmlElement ? attributeOf(root, 'id') : undefined
  if (moved && typeof id !== 'string') return undefined
  return {
    movedClauseId: moved ? (id as string) : null,
    place: moved ? null : root,
    fromPath,
    toPath,
    text: textBetween(root, fromPath, toPath, before),
  }
}

/** The clauses and sub-clauses `transaction` inserted, by id. */
export const insertedClauses = (
  doc: Y.Doc,
  transaction: Y.Transaction,
): Map<string, Y.XmlElement> => {
  const found = new Map<string, Y.XmlElement>()
  for (const item of newItems(doc, transaction)) {
    const type = item.content instanceof Y.ContentType ? item.content.type : undefined
    const id = type && isClause(type) && !item.deleted ? type.getAttribute('id') : undefined
    if (type && typeof id === 'string') found.set(id, type as Y.XmlElement)
  }
  return found
}

/** The item that holds the character (or child) just after a point. */
const itemAt = (point: AnchorPoint): Y.Item | undefined => {
  let index = point.index
  for (const item of itemsOf(point.type, LIVE)) {
    if (index < item.length) return item
    index -= item.length
  }
  return undefined
}

/**
 * The words back in `transaction`: in the re-inserted clause with the same id, or as new
 * text at the same place of the clause (or preamble) that held them; at the same path,
 * reading the same. A new anchor on them.
 */
export const wordsBack = (
  transaction: Y.Transaction,
  waiting: WaitingWords,
  clauses: ReadonlyMap<string, Y.XmlElement>,
): Recreated | undefined => {
  let root: AnyType | undefined
  if (waiting.movedClauseId !== null) root = clauses.get(waiting.movedClauseId)
  else if (waiting.place && !waiting.place._item?.deleted) {
    const touched =
      transaction.changed.has(waiting.place) || transaction.changedParentTypes.has(waiting.place)
    if (touched) root = waiting.place
  }
  if (!root) return undefined
  const from = pointAt(root, waiting.fromPath, LIVE)
  const to = pointAt(root, waiting.toPath, LIVE)
  if (!from || !to) return undefined
  if (textBetween(root, waiting.fromPath, waiting.toPath, LIVE) !== waiting.text) return undefined
  // In the same place, only words written anew count: others there may read the same.
  const first = itemAt(from)
  if (waiting.place && !(first && isInsertedIn(transaction, first.id))) return undefined
  return { anchor: encodeAnchor(from, to), clauseId: clauseIdAt(from.type) }
}

/** The id of the innermost clause or sub-clause holding a type, or null (preamble). */
const clauseIdAt = (type: AnyType): string | null => {
  for (let current: AnyType | null = type; current; ) {
    if (current instanceof Y.XmlElement && isNumberedNodeName(current.nodeName)) {
      const id = current.getAttribute('id')
      return typeof id === 'string' ? id : null
    }
    const item: Y.Item | null = current._item
    if (!item || !(item.parent instanceof Y.AbstractType)) return null
    current = item.parent
  }
  return null
}
