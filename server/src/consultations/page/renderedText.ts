import {
  type Block,
  type Child,
  type ExportClause,
  type ExportModel,
  fragment,
  htmlBlock,
  htmlClause,
  htmlFootnotes,
  type Markup,
  raw,
} from '@accord/export/core'

/**
 * The version's text as the public page shows it, rendered to HTML once: the pieces between
 * the places where each clause's own part ends (where the page puts that clause's comments
 * and its comment link), and the clauses in the order of those places.
 */
export interface RenderedText {
  /** One more piece than clauses: piece i comes before clause i's place. */
  pieces: string[]
  clauses: ExportClause[]
}

// XML forbids NUL and the export model drops it from every string it is given, so in the
// rendered text it can only be one of our marks.
const PLACE = '\u0000'

const rendered = new WeakMap<ExportModel, RenderedText>()

/**
 * The text rendered once per version (the model is made once per version and kept with it):
 * the 500 clauses of a long text are the bulk of the page, the same for every reader and
 * language; only the comments between them change.
 */
export const renderedText = (model: ExportModel): RenderedText => {
  const kept = rendered.get(model)
  if (kept) return kept
  const clauses: ExportClause[] = []
  const place = (clause: ExportClause): Child => {
    clauses.push(clause)
    return raw(PLACE)
  }
  const html = fragment(
    model.preface.map(htmlBlock),
    model.body.map((item: Block | ExportClause) =>
      item.type === 'clause' ? htmlClause(item, place) : htmlBlock(item),
    ),
    model.conclusions.map(htmlBlock),
    htmlFootnotes(model.footnotes),
  ).markup
  const text = { pieces: html.split(PLACE), clauses }
  if (text.pieces.length !== clauses.length + 1) {
    throw new Error('the rendered text holds a NUL the export model should have dropped')
  }
  rendered.set(model, text)
  return text
}

/** The rendered text with `after(clause)` at each clause's place. */
export const textWith = (text: RenderedText, after: (clause: ExportClause) => Child): Markup => {
  const parts: Child[] = [raw(text.pieces[0] ?? '')]
  text.clauses.forEach((clause, i) => {
    parts.push(after(clause), raw(text.pieces[i + 1] ?? ''))
  })
  return fragment(parts)
}
