import { LIVE, textOf } from '@accord/schema'
import * as Y from 'yjs'
import { type Arrival, formattedAt, textsOf, writtenContent } from './arrivals.js'

/** Where a text holds a range of one client's clocks: its pieces, each with its index. */
export const piecesOf = (text: Y.XmlText, client: number, from: number, to: number) => {
  const pieces: { item: Y.Item; start: number; end: number; index: number }[] = []
  let index = 0
  let covered = 0
  let interrupted = false
  for (let at = text._start; at; at = at.right) {
    const visible = !at.deleted && at.countable
    const { clock } = at.id
    if (at.id.client === client && clock < to && clock + at.length > from) {
      const start = Math.max(from - clock, 0)
      const end = Math.min(to - clock, at.length)
      pieces.push({ item: at, start, end, index: index + start })
      covered += end - start
    } else if (visible && pieces.length > 0 && covered < to - from) interrupted = true
    if (visible) index += at.length
  }
  return { pieces, whole: covered === to - from && !interrupted }
}

/** A copy's content now, or null when part of it is gone or someone wrote inside it. */
export const contentNow = ({ client, copy }: Arrival): string | null => {
  if (copy.kind === 'block')
    return copy.item.deleted ? null : (copy.item.content as Y.ContentType).type.toString()
  const { pieces, whole } = piecesOf(copy.text, client, copy.from, copy.to)
  if (!whole || pieces.some(({ item }) => item.deleted)) return null
  return pieces
    .map(({ item, start, end }) =>
      item.content instanceof Y.ContentString
        ? item.content.str.slice(start, end)
        : writtenContent(item),
    )
    .join('')
}

/** What was typed at one place of `then` to make `now`, and where; null when not just that. */
const typedInto = (then: string, now: string): { at: number; text: string } | null => {
  if (now.length <= then.length) return null
  let at = 0
  while (at < then.length && then[at] === now[at]) at++
  const rest = then.length - at
  if (now.slice(now.length - rest) !== then.slice(at)) return null
  return { at, text: now.slice(at, now.length - rest) }
}

/** A block copy's only text (a paragraph's, a list item's), when it has exactly one. */
export const onlyText = (copy: Y.Item): Y.XmlText | null => {
  const texts = textsOf((copy.content as Y.ContentType).type as Y.XmlElement)
  return texts.length === 1 ? (texts[0] as Y.XmlText) : null
}

/** Typing to put into a kept copy, at `at` of its text. */
export interface Typed {
  into: Y.XmlText
  at: number
  text: string
}

/**
 * What was typed in a block copy since it arrived, to go into the kept copy at the same
 * place: when each has one text, the kept one is as it arrived, and the typing is at one
 * place and plain. Typing with formatting is left (both copies stay): moved as plain text, a
 * suggestion's marks would be lost and the suggestion become a direct edit. Null otherwise.
 */
export const typedSince = (copy: Arrival, kept: Arrival): Typed | null => {
  if (copy.copy.kind !== 'block' || kept.copy.kind !== 'block' || copy.copy.text === null)
    return null
  if (copy.copy.item.deleted || contentNow(kept) !== kept.content) return null
  const from = onlyText(copy.copy.item)
  const into = onlyText(kept.copy.item)
  const typed = from && into ? typedInto(copy.copy.text, textOf(from, LIVE)) : null
  if (!typed || !from || !into || formattedAt(from, typed.at, typed.text.length)) return null
  return { into, ...typed }
}
