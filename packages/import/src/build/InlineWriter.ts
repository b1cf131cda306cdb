import { importedAuthorId } from '@accord/protocol'
import { FOOTNOTE, newSuggestionId, SuggestionMark } from '@accord/schema'
import type { JSONContent } from '@tiptap/core'
import type {
  Inline,
  RunMarks,
  SourceComment,
  SourceParagraph,
  TrackedChange,
} from '../SourceDocument.js'

/** Where a comment's words start or end: a text block of the new document and an offset in it. */
export interface TextPoint {
  block: JSONContent
  offset: number
}

export interface CommentRange {
  comment: SourceComment
  start?: TextPoint
  end?: TextPoint
  quote: string
}

type MarkJSON = { type: string; attrs?: Record<string, unknown> }

const SAFE_LINK = /^(https?:|mailto:|#)/i
const MAX_AUTHOR = 200

/**
 * Writes source inlines into ProseMirror JSON text: formatting as marks, tracked changes as
 * suggestion marks (one id per source change, attributed to its author by name), and the
 * points where comments start and end.
 */
export class InlineWriter {
  readonly ranges = new Map<string, CommentRange>()
  private readonly suggestionIds = new Map<string, string>()
  private readonly open = new Set<CommentRange>()

  constructor(
    comments: Map<string, SourceComment>,
    /** The source's footnotes by id, written where the text refers to them. */
    private readonly footnotes: Map<string, SourceParagraph[]>,
    /** When the file gives no date for a change. */
    private readonly now: string,
  ) {
    for (const comment of comments.values()) this.ranges.set(comment.id, { comment, quote: '' })
  }

  get suggestions(): number {
    return this.suggestionIds.size
  }

  private suggestion(change: TrackedChange): MarkJSON {
    let id = this.suggestionIds.get(change.key)
    if (!id) {
      id = newSuggestionId()
      this.suggestionIds.set(change.key, id)
    }
    const date = change.date ? new Date(change.date) : undefined
    const author = change.author.slice(0, MAX_AUTHOR)
    return {
      type: change.kind === 'insertion' ? SuggestionMark.insertion : SuggestionMark.deletion,
      attrs: {
        id,
        authorId: importedAuthorId(author),
        authorName: author,
        at: date && Number.isFinite(date.getTime()) ? date.toISOString() : this.now,
      },
    }
  }

  private marks(marks: RunMarks, formatting: boolean): MarkJSON[] {
    const out: MarkJSON[] = []
    if (formatting) {
      if (marks.bold) out.push({ type: 'bold' })
      if (marks.italic) out.push({ type: 'italic' })
      if (marks.underline) out.push({ type: 'underline' })
      if (marks.strike) out.push({ type: 'strike' })
      if (marks.link && SAFE_LINK.test(marks.link))
        out.push({ type: 'link', attrs: { href: marks.link } })
    }
    if (marks.change) out.push(this.suggestion(marks.change))
    return out
  }

  /** Writes `inlines` as the content of text block `block` (a paragraph, heading or clause heading). */
  write(block: JSONContent, inlines: readonly Inline[]): void {
    const content: JSONContent[] = []
    let offset = 0
    for (const inline of inlines) {
      switch (inline.type) {
        case 'text': {
          const text = inline.text.replace(/\t/g, ' ')
          if (text === '') break
          const marks = this.marks(inline.marks, true)
          content.push({ type: 'text', text, ...(marks.length > 0 ? { marks } : {}) })
          offset += text.length
          for (const range of this.open) range.quote += text
          break
        }
        case 'break': {
          const marks = this.marks(inline.marks, false)
          content.push({ type: 'hardBreak', ...(marks.length > 0 ? { marks } : {}) })
          offset += 1
          for (const range of this.open) range.quote += '\n'
          break
        }
        case 'commentStart': {
          const range = this.ranges.get(inline.id)
          if (!range || range.start) break
          range.start = { block, offset }
          this.open.add(range)
          break
        }
        case 'commentEnd': {
          const range = this.ranges.get(inline.id)
          if (!range?.start || range.end) break
          range.end = { block, offset }
          this.open.delete(range)
          break
        }
        case 'noteRef': {
          const note = this.footnotes.get(inline.id)
          // A footnote inside a footnote has nowhere to go: its mark is left out.
          if (!note || block.type === FOOTNOTE) break
          const footnote: JSONContent = { type: FOOTNOTE }
          // A footnote is one run of text: its paragraphs are joined by spaces.
          this.write(
            footnote,
            note.flatMap((p, i) => [
              ...(i > 0 ? [{ type: 'text' as const, text: ' ', marks: {} }] : []),
              // A footnote's text has no line breaks: a space stands for one.
              ...p.inlines.map(
                (i): Inline =>
                  i.type === 'break' ? { type: 'text', text: ' ', marks: i.marks } : i,
              ),
            ]),
          )
          content.push(footnote)
          // The node's own size in the editor: its two ends and its text.
          offset += 2 + (footnote.content ?? []).reduce((n, t) => n + (t.text?.length ?? 1), 0)
          break
        }
      }
    }
    for (const range of this.open) range.quote += ' '
    if (content.length > 0) block.content = content
  }
}
