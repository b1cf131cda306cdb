import type { JSONContent } from '@tiptap/core'
import type { Numbering } from '../SourceDocument.js'

type Container = JSONContent & { content: JSONContent[] }

interface OpenList {
  /** The source's level of this list's items. */
  level: number
  listId: string
  ordered: boolean
  /** The source item its last list item stands for, when the source says. */
  item: number | undefined
  /** The number its next item shows, when the source numbers its items. */
  next: number | undefined
  json: Container
}

/**
 * Lists of the source, nested as they were: each listed paragraph goes into the list of its
 * level, a deeper level into the last item of the level above, bullets or numbers per level.
 * A level that jumps (0 to 3) nests one list deeper, never more, so every list item holds a
 * paragraph first; a list that starts deeper than level 0 stands where it is. An item of a
 * level between (0, 3, then 1) carries on the list that the jump opened, as it reads in the
 * source. An ordered list starts at its first item's number, and an item whose number is not
 * the list's next one (the source starts it again) begins a list of its own.
 */
export class ListNesting {
  private open: OpenList[] = []

  /** Ends the lists: what comes next (a paragraph, a table, a clause) stands after them. */
  close(): void {
    this.open = []
  }

  /** Puts `paragraph` (already written) into the lists that `target` ends with. */
  add(target: JSONContent[], numbering: Numbering, paragraph: JSONContent): void {
    // What was added to the container since (a table, a heading) ended the lists there.
    if (this.open[0] && target[target.length - 1] !== this.open[0].json) this.open = []
    for (let top = this.open.at(-1); top && top.level > numbering.level; top = this.open.at(-1)) {
      // A list deeper than the level above it plus one was opened by a jump: the item's
      // level is its own from now on.
      if ((this.open.at(-2)?.level ?? -1) < numbering.level) top.level = numbering.level
      else this.open.pop()
    }
    let top = this.open.at(-1)
    if (top && top.level === numbering.level) {
      const last = top.json.content[top.json.content.length - 1] as Container
      if (numbering.item !== undefined && top.item === numbering.item) {
        last.content.push(paragraph)
        return
      }
      if (
        top.listId === numbering.listId &&
        top.ordered === numbering.ordered &&
        (numbering.number === undefined || top.next === undefined || numbering.number === top.next)
      ) {
        top.json.content.push(item(paragraph))
        top.item = numbering.item
        top.next = following(numbering)
        return
      }
      // Another list at the same level (bullets after numbers, a list started again): a new
      // list beside it.
      this.open.pop()
      top = this.open.at(-1)
    }
    this.start(top ? lastItem(top) : target, numbering, paragraph)
  }

  private start(parent: JSONContent[], numbering: Numbering, paragraph: JSONContent): void {
    const json: Container = {
      type: numbering.ordered ? 'orderedList' : 'bulletList',
      ...(numbering.ordered ? { attrs: { start: numbering.number ?? 1 } } : {}),
      content: [item(paragraph)],
    }
    parent.push(json)
    this.open.push({
      level: numbering.level,
      listId: numbering.listId,
      ordered: numbering.ordered,
      item: numbering.item,
      next: following(numbering),
      json,
    })
  }
}

const following = (numbering: Numbering): number | undefined =>
  numbering.ordered && numbering.number !== undefined ? numbering.number + 1 : undefined

const item = (paragraph: JSONContent): Container => ({ type: 'listItem', content: [paragraph] })

const lastItem = (list: OpenList): JSONContent[] =>
  (list.json.content[list.json.content.length - 1] as Container).content
