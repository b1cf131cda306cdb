import {
  beforeTransaction,
  indexOf,
  isInsertedIn,
  itemsOf,
  LIVE,
  textOf,
  type Visibility,
} from '@accord/schema'
import * as Y from 'yjs'

/** Joined text this short could be two people typing the same at one place. */
const MIN_JOINED_TEXT = 3

/** A copy as it arrived: a new block, or the text a join brought into a block. */
export interface Arrival {
  key: string
  /** Its content as it arrived (a block's name, attributes and text, nested). */
  content: string
  client: number
  /**
   * The block's item and, when it has one text, that text as it arrived; or the joined
   * text's range of clocks (its items may be merged with others or split by typing later,
   * so it is found again by its clocks).
   */
  copy:
    | { kind: 'block'; item: Y.Item; text: string | null }
    | {
        kind: 'text'
        text: Y.XmlText
        from: number
        to: number
        /**
         * Its characters, when it is joined text without formatting: only that may be written
         * again as plain text (a suggestion's marks would be lost, the suggestion become a
         * direct edit). Null otherwise.
         */
        plain: string | null
      }
  at: number
  /** Sent by a client of this instance (not relayed from another one). */
  local: boolean
}

/** When and where a copy arrived. */
export type ArrivedAt = Pick<Arrival, 'at' | 'local'>

export const idKey = (id: Y.ID | null | undefined): string =>
  id ? `${id.client}:${id.clock}` : '-'

/** Where a copy was put: its parent and both neighbours its writer saw. */
const placeKey = (first: Y.Item, last: Y.Item): string =>
  `${idKey((first.parent as Y.AbstractType<unknown>)._item?.id)}|${idKey(first.origin)}|${idKey(last.rightOrigin)}`

/** A block's texts, however deep (a paragraph has one, a list item one per paragraph). */
export const textsOf = (block: Y.XmlElement, visible: Visibility = LIVE): Y.XmlText[] => {
  const texts: Y.XmlText[] = []
  for (const child of itemsOf(block, visible)) {
    if (!(child.content instanceof Y.ContentType)) continue
    const type = child.content.type
    if (type instanceof Y.XmlText) texts.push(type)
    else if (type instanceof Y.XmlElement) texts.push(...textsOf(type, visible))
  }
  return texts
}

/** A new block with text, of an element or the body, not inside another block it made. */
export const newBlock = (
  item: Y.Item,
  transaction: Y.Transaction,
  arrived: ArrivedAt,
): Arrival | null => {
  if (item.deleted || item.parentSub !== null || !(item.content instanceof Y.ContentType))
    return null
  const block = item.content.type
  if (!(block instanceof Y.XmlElement)) return null
  const parent = (item.parent as Y.AbstractType<unknown>)._item
  if (parent && isInsertedIn(transaction, parent.id)) return null
  const texts = textsOf(block)
  if (!texts.some((text) => text.length > 0)) return null
  return {
    key: placeKey(item, item),
    content: block.toString(),
    client: item.id.client,
    copy: {
      kind: 'block',
      item,
      text: texts.length === 1 ? textOf(texts[0] as Y.XmlText, LIVE) : null,
    },
    ...arrived,
  }
}

/** A block that was there before a transaction and that it deleted, as it was before. */
export interface DeletedBlock {
  item: Y.Item
  texts: Y.XmlText[]
  /** Its texts' characters, one after the other. */
  text: string
}

/**
 * The blocks a transaction deleted, nested ones too (read before Yjs collects them): what a
 * join takes out of the next block, what a list item replaces.
 */
export const deletedBlocks = (transaction: Y.Transaction): DeletedBlock[] => {
  const blocks: DeletedBlock[] = []
  const before = beforeTransaction(transaction)
  Y.iterateDeletedStructs(transaction, transaction.deleteSet, (struct) => {
    if (!(struct instanceof Y.Item) || !(struct.content instanceof Y.ContentType)) return
    const block = struct.content.type
    if (!(block instanceof Y.XmlElement) || isInsertedIn(transaction, struct.id)) return
    const texts = textsOf(block, before)
    blocks.push({ item: struct, texts, text: texts.map((text) => textOf(text, before)).join('') })
  })
  return blocks
}

/** Is `text` what a join took out of a block the transaction deleted? */
export const isJoinedText = (text: string, deleted: readonly DeletedBlock[]): boolean =>
  text.length >= MIN_JOINED_TEXT && deleted.some((block) => block.text === text)

/** Does a stretch of a text carry formatting (bold, a suggestion's marks)? */
export const formattedAt = (text: Y.XmlText, from: number, length: number): boolean => {
  let at = 0
  for (const { insert, attributes } of text.toDelta() as DeltaOp[]) {
    const end = at + (typeof insert === 'string' ? insert.length : 1)
    if (end > from && at < from + length && attributes && Object.keys(attributes).length > 0)
      return true
    at = end
  }
  return false
}

interface DeltaOp {
  insert: unknown
  attributes?: Record<string, unknown>
}

/** What one item of a run of text holds: its characters, or the formatting it starts. */
export const writtenContent = ({ content }: Y.Item): string =>
  content instanceof Y.ContentString
    ? content.str
    : content instanceof Y.ContentFormat
      ? `<${content.key}=${JSON.stringify(content.value)}>`
      : ''

/**
 * Runs of new text in a text that was there before, each of one client's items written one
 * after the other (formatting included), with their text: what a join brings into a block.
 */
const newTextRuns = (items: readonly Y.Item[], transaction: Y.Transaction) => {
  const runs: { items: Y.Item[]; text: string; content: string }[] = []
  let run: (typeof runs)[number] | undefined
  for (const item of items) {
    const { content, parent } = item
    const written = content instanceof Y.ContentString || content instanceof Y.ContentFormat
    if (item.deleted || !written || !(parent instanceof Y.XmlText) || !parent._item) {
      run = undefined
      continue
    }
    if (isInsertedIn(transaction, parent._item.id)) continue
    const last = run?.items.at(-1)
    const follows =
      last &&
      item.origin &&
      item.id.client === last.id.client &&
      item.id.clock === last.id.clock + last.length &&
      Y.compareIDs(item.origin, Y.createID(last.id.client, item.id.clock - 1))
    if (!run || !follows) {
      run = { items: [], text: '', content: '' }
      runs.push(run)
    }
    run.items.push(item)
    if (content instanceof Y.ContentString) run.text += content.str
    run.content += writtenContent(item)
  }
  return runs
}

/**
 * The runs of text a transaction wrote into texts that were there before, each with whether
 * it is joined text (its transaction deleted a block holding just that text).
 */
export const textArrivals = (
  items: readonly Y.Item[],
  transaction: Y.Transaction,
  deleted: () => readonly DeletedBlock[],
  arrived: ArrivedAt,
): { arrival: Arrival; joined: boolean }[] => {
  const runs = newTextRuns(items, transaction)
  if (runs.length === 0) return []
  return runs.map((run) => {
    const first = run.items[0] as Y.Item
    const last = run.items.at(-1) as Y.Item
    const text = first.parent as Y.XmlText
    const joined = isJoinedText(run.text, deleted())
    // Formatting the transaction wrote around it is in its own runs: read it from the text.
    const plain = joined && !formattedAt(text, indexOf(first, LIVE), run.text.length)
    const arrival: Arrival = {
      key: placeKey(first, last),
      content: run.content,
      client: first.id.client,
      copy: {
        kind: 'text',
        text,
        from: first.id.clock,
        to: last.id.clock + last.length,
        plain: plain ? run.text : null,
      },
      ...arrived,
    }
    return { arrival, joined }
  })
}
