import type { Inline, Marks } from '../model/Block.js'
import { type Child, element as e, type Markup } from '../xml.js'

export const MONOSPACE = 'Courier New'

/**
 * ODF collapses runs of spaces and ignores raw tabs and newlines, so they are written as
 * `text:s`, `text:tab` and `text:line-break`.
 */
export const odtText = (text: string): Child[] =>
  text.split(/(\n|\t| {2,})/).map((part) => {
    if (part === '\n') return e('text:line-break')
    if (part === '\t') return e('text:tab')
    if (/^ {2,}$/.test(part)) return [' ', e('text:s', { 'text:c': part.length - 1 })]
    return part
  })

/** The bookmark on a clause's label, which cross-references name. */
export const odtBookmarkName = (clauseId: string): string => `clause-${clauseId}`

/** The marks a text style shows; a suggestion counts by its kind. */
type StyleMarks = Omit<Marks, 'href' | 'ref' | 'change'> & {
  insertion?: true
  deletion?: true
}
const FLAGS: [keyof StyleMarks, string][] = [
  ['bold', 'b'],
  ['italic', 'i'],
  ['underline', 'u'],
  ['strike', 's'],
  ['code', 'c'],
  ['insertion', 'ins'],
  ['deletion', 'del'],
]

/** Suggestions in a review copy: green and underlined, red and struck through. */
const INSERTION_COLOUR = '#1a6d2b'
const DELETION_COLOUR = '#b3261e'

const styleMarks = ({ href: _href, ref: _ref, change, ...marks }: Marks): StyleMarks => ({
  ...marks,
  ...(change ? { [change.kind]: true } : {}),
})

/**
 * Inline content as ODF spans. Each combination of marks used gets one automatic text style
 * (`T_bi` for bold italic); `styles()` lists the ones this document needs.
 */
export class OdtText {
  private readonly used = new Map<string, StyleMarks>()
  /** Notes written so far: each `text:note` needs an id of its own. */
  private notes = 0

  /**
   * @param annotations a placed thread's annotation by its index in the model: its name and
   *   the content `office:annotation` holds
   */
  constructor(
    private readonly annotations: ReadonlyMap<
      number,
      { name: string; content: Child[] }
    > = new Map(),
  ) {}

  /**
   * Inline content, with an `office:annotation` where a placed thread's words begin and an
   * `office:annotation-end` of the same name where they end (ODF's annotated range, which may
   * end in a later paragraph, heading or cell than it begins in).
   */
  inlines(inlines: readonly Inline[]): Child[] {
    const annotations = (indexes: readonly number[] | undefined) =>
      (indexes ?? []).flatMap((index) => this.annotations.get(index) ?? [])
    return this.plainInlines(inlines).flatMap((child, i) => {
      const item = inlines[i]
      if (item?.kind !== 'text') return [child]
      return [
        ...annotations(item.commentStarts).map(({ name, content }) =>
          e('office:annotation', { 'office:name': name }, content),
        ),
        child,
        ...annotations(item.commentEnds).map(({ name }) =>
          e('office:annotation-end', { 'office:name': name }),
        ),
      ]
    })
  }

  private plainInlines(inlines: readonly Inline[]): Child[] {
    return inlines.map((item) => {
      if (item.kind === 'break') return e('text:line-break')
      if (item.kind === 'footnote') return this.note(item.inlines)
      const name = this.styleFor(styleMarks(item.marks))
      // A cross-reference: a reference field to its clause's bookmark, the label its value.
      const text = item.marks.ref
        ? [
            e(
              'text:bookmark-ref',
              {
                'text:reference-format': 'text',
                'text:ref-name': odtBookmarkName(item.marks.ref),
              },
              item.text,
            ),
          ]
        : odtText(item.text)
      const span = name ? e('text:span', { 'text:style-name': name }, text) : text
      return item.marks.href
        ? e('text:a', { 'xlink:type': 'simple', 'xlink:href': item.marks.href }, span)
        : span
    })
  }

  /** A footnote (`text:note`), which the office suite numbers by its place, as the editor does. */
  private note(inlines: readonly Inline[]): Markup {
    this.notes += 1
    return e(
      'text:note',
      { 'text:id': `ftn${this.notes}`, 'text:note-class': 'footnote' },
      e('text:note-citation', {}, String(this.notes)),
      e(
        'text:note-body',
        {},
        e('text:p', { 'text:style-name': 'Footnote' }, this.inlines(inlines)),
      ),
    )
  }

  /** The automatic text styles used so far. */
  styles(): Markup[] {
    return [...this.used].map(([name, marks]) =>
      e(
        'style:style',
        { 'style:name': name, 'style:family': 'text' },
        e('style:text-properties', {
          'fo:font-weight': marks.bold ? 'bold' : undefined,
          'style:font-weight-complex': marks.bold ? 'bold' : undefined,
          'fo:font-style': marks.italic ? 'italic' : undefined,
          'style:font-style-complex': marks.italic ? 'italic' : undefined,
          'fo:color': marks.insertion
            ? INSERTION_COLOUR
            : marks.deletion
              ? DELETION_COLOUR
              : undefined,
          'style:text-underline-style': marks.underline || marks.insertion ? 'solid' : undefined,
          'style:text-underline-width': marks.underline || marks.insertion ? 'auto' : undefined,
          'style:text-underline-color':
            marks.underline || marks.insertion ? 'font-color' : undefined,
          'style:text-line-through-style': marks.strike || marks.deletion ? 'solid' : undefined,
          'style:font-name': marks.code ? MONOSPACE : undefined,
        }),
      ),
    )
  }

  /** The text style of a suggested code block or clause label, or of plain marks. */
  styleName(marks: Marks): string | null {
    return this.styleFor(styleMarks(marks))
  }

  private styleFor(marks: StyleMarks): string | null {
    const flags = FLAGS.filter(([key]) => marks[key]).map(([, flag]) => flag)
    if (flags.length === 0) return null
    const name = `T_${flags.join('')}`
    if (!this.used.has(name)) {
      this.used.set(name, Object.fromEntries(FLAGS.map(([key]) => [key, marks[key]])) as StyleMarks)
    }
    return name
  }
}
