import type { JSONContent } from '@tiptap/core'
import { ClauseNode } from '../clauseNodeNames.js'
import { newClauseId } from '../newClauseId.js'
import type { ClauseKind } from './clauseKind.js'
import { continuesLine, type JoinContext, joinLine } from './joinLines.js'
import { clauseHeadingJSON, headingJSON, listJSON, paragraphJSON } from './jsonBlocks.js'
import { type HeadingMarker, headingMarker, listMarker } from './lineMarkers.js'
import type { SourceLine } from './sourceLines.js'

/** A heading's text, as opposed to a numbered sentence of body text ("1. Каждый имеет право…."). */
const HEADING_MAX = 160
const isHeadingLike = (text: string): boolean =>
  text.length <= HEADING_MAX && !/[.;]["»”)]?$/u.test(text)

const TITLE_MAX = 200
const isTitleLike = (text: string): boolean =>
  text.length <= TITLE_MAX && !/[.,;:!?]["»”)]?$/u.test(text)

const STARTS_LOWER = /^\p{Ll}/u
const ENDS_CLOSED = /[.!?…;:]["»”)]?$/u

interface OpenClause {
  json: JSONContent & { content: JSONContent[] }
  /** The number as the text wrote it, to match its "N.M" sub-items. */
  sourceNumber: string
  subCount: number
}

type Run =
  | { kind: 'paragraph'; text: string; last: string }
  | { kind: 'item'; ordered: boolean; number: number; text: string; last: string }
  | {
      kind: 'heading'
      target: JSONContent
      text: string
      last: string
      /** After a bare number: turns out body text if it reads like a sentence. */
      tentative: boolean
    }

/**
 * Turns the lines of a plain text into a document, one line at a time: a preface, then
 * clauses with their sub-clauses, body paragraphs and lists. One instance per conversion.
 */
export class DocumentBuilder {
  private readonly top: JSONContent[] = []
  private clause: OpenClause | null = null
  private sub: OpenClause | null = null
  private run: Run | null = null
  private list: { json: JSONContent & { content: JSONContent[] }; ordered: boolean } | null = null
  /** The next clause number expected, for "N." headings. */
  private expected = 1
  private afterSection = false

  constructor(
    private readonly clauseKind: ClauseKind,
    private readonly join: JoinContext,
  ) {}

  add(line: SourceLine): void {
    const marker = headingMarker(line.text)
    const role = marker ? this.roleOf(marker) : null
    if (marker && role) {
      this.open(role, marker, line)
      return
    }
    if (this.run?.kind === 'heading') {
      if (this.headingContinues(this.run, line)) {
        this.run.text = this.run.text ? joinLine(this.run.text, line.text) : line.text
        this.run.last = line.text
        return
      }
      this.settleHeading()
    }
    const item = listMarker(line.text)
    if (item) {
      this.flush()
      this.run = {
        kind: 'item',
        ordered: item.ordered,
        number: item.number ?? 0,
        text: item.rest,
        last: line.text,
      }
      return
    }
    if (this.run && this.run.kind !== 'heading' && continuesLine(this.run.last, line, this.join)) {
      this.run.text = joinLine(this.run.text, line.text)
      this.run.last = line.text
      return
    }
    this.flush()
    this.run = { kind: 'paragraph', text: line.text, last: line.text }
  }

  finish(title: boolean): JSONContent {
    this.flush()
    const [first, ...others] = this.top
    const firstText = first?.type === 'paragraph' ? (first.content?.[0]?.text ?? '') : ''
    if (title && first && others.length > 0 && firstText && isTitleLike(firstText))
      this.top[0] = headingJSON(1, firstText)
    return { type: 'doc', content: this.top.length > 0 ? this.top : [paragraphJSON('')] }
  }

  private roleOf(marker: HeadingMarker): 'clause' | 'subclause' | 'section' | null {
    const kind = this.clauseKind?.kind
    switch (marker.kind) {
      case 'article':
        return kind === 'article' ? 'clause' : null
      case 'section':
        return kind === 'section' ? 'clause' : 'section'
      case 'sub':
        return this.clause && marker.number === this.clause.sourceNumber ? 'subclause' : null
      case 'numbered': {
        if (this.clauseKind?.kind !== 'numbered') return null
        if (marker.delimiter !== this.clauseKind.delimiter) return null
        const n = Number(marker.number)
        // "1. … 2. …" right after a list item "1." continues that list, not the clauses.
        const run = this.run
        if (run?.kind === 'item' && run.ordered && run.number + 1 === n) return null
        return n === this.expected || (n === 1 && this.afterSection) ? 'clause' : null
      }
    }
  }

  private open(role: 'clause' | 'subclause' | 'section', marker: HeadingMarker, line: SourceLine) {
    this.flush()
    this.list = null
    if (role === 'section') {
      this.clause = null
      this.sub = null
      this.afterSection = true
      const heading = headingJSON(2, '')
      this.top.push(heading)
      this.run = this.headingRun(heading, line.text, line)
      return
    }
    const heading = clauseHeadingJSON('')
    const json = {
      type: role === 'clause' ? ClauseNode.clause : ClauseNode.subclause,
      attrs: { id: newClauseId() },
      content: [heading],
    }
    if (role === 'clause' || !this.clause) {
      this.top.push(json)
      this.clause = { json, sourceNumber: marker.number, subCount: 0 }
      this.sub = null
      this.expected = Number(marker.number) + 1
      this.afterSection = false
    } else {
      this.clause.json.content.push(json)
      this.clause.subCount += 1
      this.sub = { json, sourceNumber: marker.number, subCount: 0 }
    }
    // Words like "Статья" announce a title; after a bare number it may be a sentence of body text.
    const titled = marker.kind === 'article' || marker.kind === 'section'
    this.run = this.headingRun(heading, marker.rest, line, !titled)
  }

  private headingRun(target: JSONContent, text: string, line: SourceLine, tentative = false): Run {
    return { kind: 'heading', target, text, last: line.text, tentative }
  }

  /** A tentative heading that reads like a sentence becomes the first paragraph of the body. */
  private settleHeading(): void {
    const run = this.run
    if (run?.kind !== 'heading' || !run.tentative || isHeadingLike(run.text)) return
    this.run = { kind: 'paragraph', text: run.text, last: run.last }
  }

  /** A heading goes on over lines that continue its phrase; "Статья 1" alone takes the next line. */
  private headingContinues(run: Run & { kind: 'heading' }, line: SourceLine): boolean {
    if (run.text === '') return isHeadingLike(line.text) && !listMarker(line.text)
    if (line.blankBefore && !this.join.hardWrapped) return false
    return STARTS_LOWER.test(line.text) && !ENDS_CLOSED.test(run.text)
  }

  private container(): JSONContent[] {
    return (this.sub ?? this.clause)?.json.content ?? this.top
  }

  private flush(): void {
    this.settleHeading()
    const run = this.run
    this.run = null
    if (!run) return
    if (run.kind === 'heading') {
      // The heading node is already in place; only its text was still growing.
      if (run.text) run.target.content = [{ type: 'text', text: run.text }]
      return
    }
    if (run.kind === 'paragraph') {
      this.list = null
      this.container().push(paragraphJSON(run.text))
      return
    }
    const item = paragraphJSON(run.text)
    if (this.list && this.list.ordered === run.ordered) {
      this.list.json.content.push({ type: 'listItem', content: [item] })
      return
    }
    const json = listJSON(run.ordered, [run.text], run.ordered ? Math.max(run.number, 1) : 1)
    const list = { json: { ...json, content: json.content ?? [] }, ordered: run.ordered }
    this.list = list
    this.container().push(list.json)
  }
}
