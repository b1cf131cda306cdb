import {
  AlignmentType,
  Bookmark,
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  DeletedTextRun,
  ExternalHyperlink,
  type FileChild,
  FootnoteReferenceRun,
  HeadingLevel,
  type INumberingOptions,
  InsertedTextRun,
  InternalHyperlink,
  type IRunOptions,
  LevelFormat,
  Paragraph,
  type ParagraphChild,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx'
import type {
  Block,
  ExportClause,
  Inline,
  TableCell as ModelCell,
  TrackedChange,
} from '../model/Block.js'
import { clauseHeadingPrefixInline } from '../model/clauseHeadingPrefix.js'
import { blockHeadingLevel, clauseLevel } from '../model/outlineLevel.js'
import { docxBookmarkName } from './docxBookmarkName.js'

const MONOSPACE = 'Courier New'
/** Twips per list level: 1.27 cm, Word's own step. */
const INDENT = 720
const HANGING = 360

/** Outline level 2 (a clause) is Word's Heading 1: the document title has the Title style. */
const HEADINGS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
] as const
const wordHeading = (outlineLevel: 2 | 3 | 4 | 5 | 6) => HEADINGS[outlineLevel - 2]

/** Lines of plain text as runs with line breaks between them. */
export const docxLines = (text: string, options: { font?: string } = {}): TextRun[] =>
  text
    .split('\n')
    .map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : undefined, ...options }))

type NumberingDefinition = INumberingOptions['config'][number]

/**
 * Writes blocks as Word paragraphs. Each ordered list gets a numbering definition of its own,
 * so that it counts from its own start and never carries on from the list before it.
 */
export class DocxBlocks {
  readonly numbering: NumberingDefinition[] = []
  /**
   * Word footnotes (`w:footnote`) by id, for the document's footnotes part. Ids are this
   * writer's own (a two-column copy writes two texts' footnotes); Word numbers them by place.
   */
  readonly footnotes: Record<number, { children: Paragraph[] }> = {}
  private footnoteId = 0
  /** `w:id` of the last tracked change: Word wants each one unique in the document. */
  private changeId: number

  /**
   * @param fallbackDate the time of a suggestion that does not say when it was made
   * @param commentIds the `w:id`s of each placed thread's comment and replies, by its index in
   *   the model (Word marks a reply's range too); tracked changes are numbered after them, so
   *   no two annotations share an id
   */
  constructor(
    private readonly fallbackDate: Date,
    private readonly commentIds: ReadonlyMap<number, readonly number[]> = new Map(),
    firstChangeId = 0,
  ) {
    this.changeId = firstChangeId
  }

  /**
   * A run, or in a review copy a tracked insertion (`w:ins`) or deletion (`w:del` with
   * `w:delText`) with its author and time, so Word's Review pane can accept or reject it.
   */
  private run(options: IRunOptions, change: TrackedChange | undefined): ParagraphChild {
    if (!change) return new TextRun(options)
    this.changeId += 1
    const tracked = {
      ...options,
      id: this.changeId,
      author: change.author,
      // xsd:dateTime without milliseconds, as Word writes it.
      date: (change.at ?? this.fallbackDate).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    }
    return change.kind === 'insertion' ? new InsertedTextRun(tracked) : new DeletedTextRun(tracked)
  }

  /**
   * Runs with the ranges of placed comments around the words they are about: a
   * `w:commentRangeStart` before the first word, after the last a `w:commentRangeEnd` and the
   * run holding the `w:commentReference`, as Word writes them. The two ends may stand in
   * different paragraphs (even in a table cell and after the table): Word's comment ranges
   * run over blocks, and overlap freely.
   */
  runs(inlines: readonly Inline[]): ParagraphChild[] {
    const ids = (indexes: readonly number[] | undefined) =>
      (indexes ?? []).flatMap((index) => this.commentIds.get(index) ?? [])
    return this.plainRuns(inlines).flatMap((run, i) => {
      const item = inlines[i]
      if (item?.kind !== 'text') return [run]
      return [
        ...ids(item.commentStarts).map((id) => new CommentRangeStart(id)),
        run,
        ...ids(item.commentEnds).flatMap((id) => [
          new CommentRangeEnd(id),
          new TextRun({ children: [new CommentReference(id)] }),
        ]),
      ]
    })
  }

  private plainRuns(inlines: readonly Inline[]): ParagraphChild[] {
    return inlines.map((item) => {
      if (item.kind === 'break') return new TextRun({ break: 1 })
      if (item.kind === 'footnote') {
        this.footnoteId += 1
        const id = this.footnoteId
        this.footnotes[id] = { children: [new Paragraph({ children: this.runs(item.inlines) })] }
        return new FootnoteReferenceRun(id)
      }
      const { marks } = item
      const run = this.run(
        {
          text: item.text,
          bold: marks.bold,
          italics: marks.italic,
          underline: marks.underline ? {} : undefined,
          strike: marks.strike,
          font: marks.code ? MONOSPACE : undefined,
          style: marks.href || marks.ref ? 'Hyperlink' : undefined,
        },
        marks.change,
      )
      if (marks.href) return new ExternalHyperlink({ link: marks.href, children: [run] })
      // A cross-reference: a link to the bookmark on its clause's heading (`clause`).
      if (marks.ref)
        return new InternalHyperlink({ anchor: docxBookmarkName(marks.ref), children: [run] })
      return run
    })
  }

  private codeLines(text: string, change: TrackedChange | undefined): ParagraphChild[] {
    return text
      .split('\n')
      .map((line, i) =>
        this.run({ text: line, break: i > 0 ? 1 : undefined, font: MONOSPACE }, change),
      )
  }

  clause(clause: ExportClause): FileChild[] {
    const runs = this.runs([clauseHeadingPrefixInline(clause), ...clause.heading])
    return [
      new Paragraph({
        heading: wordHeading(clauseLevel(clause)),
        keepNext: true,
        // The heading is bookmarked, for the cross-references that link to the clause.
        children: clause.id
          ? [new Bookmark({ id: docxBookmarkName(clause.id), children: runs })]
          : runs,
      }),
      ...clause.children.flatMap((child) =>
        child.type === 'clause' ? this.clause(child) : this.block(child),
      ),
    ]
  }

  block(block: Block, indent = 0): FileChild[] {
    const left = indent > 0 ? { left: indent * INDENT } : undefined
    switch (block.type) {
      case 'paragraph':
        return [new Paragraph({ indent: left, children: this.runs(block.inlines) })]
      case 'heading':
        return [
          new Paragraph({
            heading: wordHeading(blockHeadingLevel(block.level)),
            keepNext: true,
            children: this.runs(block.inlines),
          }),
        ]
      case 'list':
        return this.list(block, indent)
      case 'quote':
        return block.blocks.flatMap((inner) => this.block(inner, indent + 1))
      case 'code':
        return [new Paragraph({ indent: left, children: this.codeLines(block.text, block.change) })]
      case 'rule':
        return [new Paragraph({ thematicBreak: true })]
      case 'table':
        return [this.table(block.rows)]
    }
  }

  /**
   * A real Word table (`w:tbl`): a first row of header cells repeats on every page
   * (`w:tblHeader`), merged cells span with `w:gridSpan` and `w:vMerge` (the docx package
   * writes the continuation cells of a row span).
   */
  private table(rows: readonly ModelCell[][]): Table {
    const cell = (model: ModelCell) => {
      const paragraphs = model.blocks
        .flatMap((inner) => this.block(inner))
        .filter((child): child is Paragraph => child instanceof Paragraph)
      return new TableCell({
        columnSpan: model.colspan > 1 ? model.colspan : undefined,
        rowSpan: model.rowspan > 1 ? model.rowspan : undefined,
        // Word refuses a cell without a paragraph.
        children: paragraphs.length > 0 ? paragraphs : [new Paragraph({})],
      })
    }
    return new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: rows.map(
        (row) =>
          new TableRow({
            tableHeader: row.length > 0 && row.every((c) => c.header),
            children: row.map(cell),
          }),
      ),
    })
  }

  private list(list: Block & { type: 'list' }, depth: number): FileChild[] {
    const reference = list.ordered ? this.orderedList(list.start, depth) : null
    return list.items.flatMap((item) => {
      const [first, ...rest] = item
      const marker = new Paragraph({
        children: first?.type === 'paragraph' ? this.runs(first.inlines) : [],
        ...(reference ? { numbering: { reference, level: depth } } : { bullet: { level: depth } }),
      })
      const others = first?.type === 'paragraph' ? rest : item
      return [marker, ...others.flatMap((inner) => this.block(inner, depth + 1))]
    })
  }

  private orderedList(start: number, depth: number): string {
    const reference = `ordered-${this.numbering.length + 1}`
    this.numbering.push({
      reference,
      levels: Array.from({ length: 9 }, (_, level) => ({
        level,
        format: LevelFormat.DECIMAL,
        text: `%${level + 1}.`,
        start: level === depth ? start : 1,
        alignment: AlignmentType.START,
        style: { paragraph: { indent: { left: INDENT * (level + 1), hanging: HANGING } } },
      })),
    })
    return reference
  }
}
