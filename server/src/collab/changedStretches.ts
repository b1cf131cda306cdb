/**
 * The stretches of the body an update changed, before and after, as ProseMirror nodes: the
 * top-level blocks it touched (inserted, deleted, or changed anywhere inside), each run of
 * them with the unchanged block on either side. Checks that compare the text before and
 * after an update then cost what the update touched, not the whole document.
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
import type { Trial } from './ScratchCopy.js'

export interface Stretch {
  before: PMNode
  after: PMNode
}

const keyOf = (id: Y.ID): string => `${id.client}:${id.clock}`

/** The body's blocks as Yjs items, in order. */
const blocksOf = (body: Y.XmlFragment): Y.Item[] => {
  const blocks: Y.Item[] = []
  for (let item = body._start; item; item = item.right) if (!item.deleted) blocks.push(item)
  return blocks
}

/** Keys of the top-level blocks the trial's update inserted, deleted or changed inside. */
const touchedBlocks = ({ copy, transaction }: Trial): Set<string> => {
  const body = copy.getXmlFragment(BODY_FRAGMENT)
  const touched = new Set<string>()
  let bodyItself = false
  for (const type of transaction.changed.keys() as Iterable<Y.AbstractType<unknown>>) {
    if (type === (body as Y.AbstractType<unknown>)) {
      bodyItself = true
      continue
    }
    let item = type._item
    while (item && item.parent !== body) item = (item.parent as Y.AbstractType<unknown>)._item
    if (item) touched.add(keyOf(item.id))
  }
  if (bodyItself) {
    for (let item = body._start; item; item = item.right) {
      const isNew = item.id.clock >= (transaction.beforeState.get(item.id.client) ?? 0)
      if (isNew || Y.isDeleted(transaction.deleteSet, item.id)) touched.add(keyOf(item.id))
    }
  }
  return touched
}

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
  if (touched.size === 0) return []
  const isTouched = (item: Y.Item | undefined) => item !== undefined && touched.has(keyOf(item.id))
  const old = blocksOf(live.getXmlFragment(BODY_FRAGMENT))
  const now = blocksOf(trial.copy.getXmlFragment(BODY_FRAGMENT))
  // Unchanged blocks are the same items, in the same order, on both sides: walk them together.
  const ranges: { oldFrom: number; oldTo: number; nowFrom: number; nowTo: number }[] = []
  let i = 0
  let j = 0
  while (i < old.length || j < now.length) {
    if (!isTouched(old[i]) && !isTouched(now[j])) {
      i++
      j++
      continue
    }
    const oldFrom = Math.max(0, i - 1)
    const nowFrom = Math.max(0, j - 1)
    while (isTouched(old[i])) i++
    while (isTouched(now[j])) j++
    const range = {
      oldFrom,
      oldTo: Math.min(i, old.length - 1),
      nowFrom,
      nowTo: Math.min(j, now.length - 1),
    }
    const last = ranges.at(-1)
    // Runs one unchanged block apart share it as a neighbour: one stretch.
    if (last && range.oldFrom <= last.oldTo) {
      last.oldTo = range.oldTo
      last.nowTo = range.nowTo
    } else ranges.push(range)
  }
  return ranges.map((r) => ({
    before: asDocument(old.slice(r.oldFrom, r.oldTo + 1)),
    after: asDocument(now.slice(r.nowFrom, r.nowTo + 1)),
  }))
}
