/**
 * Who made a suggestion, and when, is the server's to say. The editor stamps each new
 * suggestion with the person's id, name and the time (attributeSuggestions); a raw client can
 * write anything. For every attribution an update writes (updateRules lists them):
 * - not well-formed (`at: "not a date"`, missing fields): the update is refused, in every
 *   status: an honest editor never writes it, and it would break every editor showing it;
 * - exactly the attribution of a suggestion the document holds (text moved or copied with its
 *   suggestion, or re-marked by the editor): it stands;
 * - the sender's own id and name, with a time no further off than a wrong clock or a spell
 *   offline explains: it stands;
 * - another attribution for a suggestion someone else holds (rewriting their name or time):
 *   the update is refused;
 * - anything else (a forged name, an impossible time, a suggestion pasted from another
 *   document): it is rewritten, right after the update, to the sender now.
 * Rewriting rather than refusing: every later edit of that tab builds on this one (Yjs clocks
 * run in order per client), so refusing a well-meant paste or a stale name would strand all
 * of them; the rewrite keeps the text and makes the attribution true.
 */
import {
  BLOCK_SUGGESTION_ATTR,
  readBlockSuggestion,
  type SuggestionAttrs,
  wellFormedAttribution,
} from '@accord/schema'
import * as Y from 'yjs'
import { RefusedUpdateError } from './RefusedUpdateError.js'
import type { AttributionWrite } from './updateRules.js'

/** A time this far ahead of the server's clock is a wrong clock, not a lie worth refusing. */
const MAX_AHEAD_MS = 60 * 60 * 1000
/** A suggestion typed offline keeps its time for this long. */
const MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000

export interface Sender {
  userId: string
  /** The name to stamp now. */
  name: string
  /** Names the sender's editor may have stamped: the current one, and the one when it connected. */
  names: readonly string[]
}

/** One attribution to set in the live document, on the struct the update wrote it with. */
export interface AttributionRewrite {
  id: Y.ID
  kind: 'mark' | 'block'
  key: string
  value: Record<string, unknown>
}

const sameAttribution = (a: SuggestionAttrs, b: SuggestionAttrs) =>
  a.id === b.id && a.authorId === b.authorId && a.authorName === b.authorName && a.at === b.at

const refuse = (message: string): never => {
  throw new RefusedUpdateError('suggestionAttribution', message)
}

/**
 * Checks the attributions an update writes; throws RefusedUpdateError, or returns those to
 * rewrite after it is applied. `known` looks a suggestion id up in the live document as it is
 * before the update.
 */
export const attributionRewrites = (
  writes: readonly AttributionWrite[],
  sender: Sender,
  known: (id: string) => SuggestionAttrs | undefined,
  now: number,
): AttributionRewrite[] => {
  const rewrites: AttributionRewrite[] = []
  for (const write of writes) {
    const attrs = wellFormedAttribution(write.value)
    if (!attrs || (write.kind === 'block' && !readBlockSuggestion(write.value)))
      refuse('a malformed suggestion attribution')
    const { id, authorId, authorName, at } = attrs as SuggestionAttrs
    const existing = known(id)
    if (existing && sameAttribution(existing, attrs as SuggestionAttrs)) continue
    if (existing && existing.authorId !== sender.userId)
      refuse("another person's suggestion with another name or time")
    const time = Date.parse(at)
    const own =
      authorId === sender.userId &&
      sender.names.includes(authorName) &&
      time <= now + MAX_AHEAD_MS &&
      time >= now - MAX_AGE_MS
    if (own) continue
    rewrites.push({
      id: write.id,
      kind: write.kind,
      key: write.key,
      value: {
        ...(write.value as Record<string, unknown>),
        authorId: sender.userId,
        authorName: sender.name,
        at: new Date(now).toISOString(),
      },
    })
  }
  return rewrites
}

/** Countable, visible length of a text's items from `from` up to (not including) `to`. */
const lengthBetween = (from: Y.Item | null, stop: (item: Y.Item) => boolean): number => {
  let length = 0
  for (let item = from; item && !stop(item); item = item.right) {
    if (!item.deleted && item.countable) length += item.length
  }
  return length
}

/** The item right after the next `length` visible characters following `from`. */
const itemAfter = (from: Y.Item, length: number): Y.Item | null => {
  let rest = length
  let item = from.right
  while (item && rest > 0) {
    if (!item.deleted && item.countable) rest -= item.length
    item = item.right
  }
  return item
}

/**
 * format() ends its range with a format restoring the old value. Where no text follows before
 * the next format of the key (or before the end), that struct governs nothing, yet it would
 * keep the forged attribution in the document and in KnownSuggestions, and an honest edit
 * next to it, restoring the real attribution, would be refused. Such idle formats go.
 */
const dropIdleFormats = (doc: Y.Doc, from: Y.Item | null, key: string): void => {
  const inGap: Y.Item[] = []
  let item = from
  while (item && (item.deleted || !item.countable)) {
    if (!item.deleted && item.content instanceof Y.ContentFormat && item.content.key === key)
      inGap.push(item)
    item = item.right
  }
  // Before text, the last format of the gap is the one that governs it.
  const idle = item ? inGap.slice(0, -1) : inGap
  if (idle.length === 0) return
  Y.transact(doc, (transaction) => {
    for (const format of idle) format.delete(transaction)
  })
}

/**
 * Sets each rewrite in `doc` (inside the caller's transaction): a block's `suggestion`
 * attribute, or the mark over the text from the rewritten format to where that format ends.
 * A struct that a later change already replaced is left alone.
 */
export const applyAttributionRewrites = (
  doc: Y.Doc,
  rewrites: readonly AttributionRewrite[],
): void => {
  for (const rewrite of rewrites) {
    const item = Y.getItem(doc.store, rewrite.id)
    if (!(item instanceof Y.Item) || item.deleted) continue
    if (rewrite.kind === 'block') {
      ;(item.parent as Y.XmlElement).setAttribute(
        BLOCK_SUGGESTION_ATTR,
        // A plain JSON object, as y-tiptap stores every node attribute.
        rewrite.value as unknown as string,
      )
      continue
    }
    const text = item.parent as Y.XmlText
    const index = lengthBetween(text._start, (other) => other === item)
    const length = lengthBetween(
      item.right,
      (other) =>
        !other.deleted &&
        other.content instanceof Y.ContentFormat &&
        other.content.key === rewrite.key,
    )
    if (length === 0) continue
    text.format(index, length, { [rewrite.key]: rewrite.value })
    dropIdleFormats(doc, itemAfter(item, length), rewrite.key)
  }
}
