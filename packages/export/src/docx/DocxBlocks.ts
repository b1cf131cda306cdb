import {
  AlignmentType,
  ExternalHyperlink,
  HeadingLevel,
  type INumberingOptions,
  LevelFormat,
  Paragraph,
  type ParagraphChild,
  TextRun,
} from 'docx'
import type { Block, ExportClause, Inline } from '../model/Block.js'
import { clauseHeadingPrefix } from '../model/clauseHeadingPrefix.js'
import { blockHeadingLevel, clauseLevel } from '../model/outlineLevel.js'

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

export const docxRuns = (inlines: readonly Inline[]): ParagraphChild[] =>
  inlines.map((item) => {
    if (item.kind === 'break') return new TextRun({ break: 1 })
    const { marks } = item
    const run = new TextRun({
      text: item.text,
      bold: marks.bold,
      italics: marks.italic,
      underline: marks.underline ? {} : undefined,
      strike: marks.strike,
      font: marks.code ? MONOSPACE : undefined,
      style: marks.href ? 'Hyperlink' : undefined,
    })
    return marks.href ? new ExternalHyperlink({ link: marks.href, children: [run] }) : run
  })

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

  clause(clause: ExportClause): Paragraph[] {
    return [
      new Paragraph({
        heading: wordHeading(clauseLevel(clause)),
        keepNext: true,
        children: [new TextRun(clauseHeadingPrefix(clause)), ...docxRuns(clause.heading)],
      }),
      ...clause.children.flatMap((child) =>
        child.type === 'clause' ? this.clause(child) : this.block(child),
      ),
    ]
  }

  block(block: Block, indent = 0): Paragraph[] {
    const left = indent > 0 ? { left: indent * INDENT } : undefined
    switch (block.type) {
      case 'paragraph':
        return [new Paragraph({ indent: left, children: docxRuns(block.inlines) })]
      case 'heading':
        return [
          new Paragraph({
            heading: wordHeading(blockHeadingLevel(block.level)),
            keepNext: true,
            children: docxRuns(block.inlines),
          }),
        ]
      case 'list':
        return this.list(block, indent)
      case 'quote':
        return block.blocks.flatMap((inner) => this.block(inner, indent + 1))
      case 'code':
        return [
          new Paragraph({ indent: left, children: docxLines(block.text, { font: MONOSPACE }) }),
        ]
      case 'rule':
        return [new Paragraph({ thematicBreak: true })]
    }
  }

  private list(list: Block & { type: 'list' }, depth: number): Paragraph[] {
    const reference = list.ordered ? this.orderedList(list.start, depth) : null
    return list.items.flatMap((item) => {
      const [first, ...rest] = item
      const marker = new Paragraph({
        children: first?.type === 'paragraph' ? docxRuns(first.inlines) : [],
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
