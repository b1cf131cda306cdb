/**
 * The stretches of the body an update changed, before and after, as ProseMirror nodes: the
 * top-level blocks it touched (inserted, deleted, or changed anywhere inside), each run of
 * them with the unchanged block on either side. Checks that compare the text before and
 * after an update then cost what the update touched, not the whole document: the touched
 * blocks are found from the update's own transaction, and their neighbours by following the
 * body's links from them, never by walking the body.
 *
 * Why the unchanged neighbours: "the text with every suggestion rejected" can join a block to
 * the next one (a suggested paragraph break), so a change at the edge of a run can change how
 * it joins its neighbour. Blocks further out are the same before and after and join the same
 * way, so they cannot change the verdict.
 */
import { BODY_FRAGMENT, documentSchema } from '@accord/schema'
import type { Node as PMNode } from '@tiptap/pm/model'
import { yXmlFragmentToProseMirrorFragment } from '@tiptap/y-tiptap'
import * as Y from 'yjs'
import { newItems } from './newItems.js'
import type { Trial } from './ScratchCopy.js'

export interface Stretch {
  before: PMNode
  after: PMNode
}

type AnyType = Y.AbstractType<unknown>

/** The top-level blocks (items of the body, in the copy) the trial's update touched. */
const touchedBlocks = ({ copy, transaction }: Trial): Set<Y.Item> => {
  const body = copy.getXmlFragment(BODY_FRAGMENT) as unknown as AnyType
  const touched = new Set<Y.Item>()
  const addBlockOf = (item: Y.Item | null) => {
    while (item && item.parent !== body) item = (item.parent as AnyType)._item
    if (item) touched.add(item)
  }
  for (const type of transaction.changed.keys() as Iterable<AnyType>) addBlockOf(type._item)
  // Blocks the update inserted or deleted: the body itself changed.
  if (transaction.changed.has(body as never)) {
    for (const item of newItems(copy, transaction)) if (item.parent === body) touched.add(item)
    Y.iterateDeletedStructs(transaction, transaction.deleteSet, (struct) => {
      if (struct instanceof Y.Item && struct.parent === body) touched.add(struct)
    })
  }
  return touched
}

/** The nearest block beside `item` (`right` or `left`) that is there and the update did not touch. */
const untouchedBeside = (item: Y.Item, side: 'left' | 'right', touched: Set<Y.Item>) => {
  let next = item[side]
  while (next && (next.deleted || touched.has(next))) next = next[side]
  return next
}

/** The visible blocks from `from` to `to`, both included; null ends mean the body's ends. */
const blocksBetween = (body: Y.XmlFragment, from: Y.Item | null, to: Y.Item | null): Y.Item[] => {
  const blocks: Y.Item[] = []
  for (let item = from ?? body._start; item; item = item.right) {
    if (!item.deleted) blocks.push(item)
    if (item === to) break
  }
  return blocks
}

/** The live document's item with the same id as the copy's `item`. */
const inLive = (live: Y.Doc, item: Y.Item | null): Y.Item | null =>
  item ? (Y.getItem(live.store, item.id) as Y.Item) : null

/** Builds blocks into a document node with y-tiptap's own conversion. */
const asDocument = (blocks: readonly Y.Item[]): PMNode => {
  const schema = documentSchema()
  // y-tiptap converts a fragment by reading its children (toArray); these are the children.
  const children = { toArray: () => blocks.map((b) => (b.content as Y.ContentType).type) }
  return schema.topNodeType.create(
    null,
    yXmlFragmentToProseMirrorFragment(children as unknown as Y.XmlFragment, schema),
  )
}

/** The changed stretches of a trial against the live document (the state before it); none when the body did not change. */
export const changedStretches = (live: Y.Doc, trial: Trial): Stretch[] => {
  const touched = touchedBlocks(trial)
  // Runs of touched blocks, each between two unchanged neighbours: the same items on both
  // sides, since the update neither deleted nor changed them. Runs sharing a neighbour join.
  const runs = new Map<Y.Item | null, Y.Item | null>()
  for (const item of touched) {
    const left = untouchedBeside(item, 'left', touched)
    if (!runs.has(left)) runs.set(left, untouchedBeside(item, 'right', touched))
  }
  for (const [left, right] of runs) {
    const next = right && runs.get(right)
    if (next === undefined || !runs.has(left)) continue
    runs.set(left, next)
    runs.delete(right)
  }
  const copyBody = trial.copy.getXmlFragment(BODY_FRAGMENT)
  const liveBody = live.getXmlFragment(BODY_FRAGMENT)
  return [...runs].map(([left, right]) => ({
    before: asDocument(blocksBetween(liveBody, inLive(live, left), inLive(live, right))),
    after: asDocument(blocksBetween(copyBody, left, right)),
  }))
}
