import {
  CLAUSE_REFERENCE,
  ClauseNode,
  FOOTNOTE,
  isNumberedNodeName,
  TableNode,
} from '@accord/schema'

/** The minimal shape of ProseMirror JSON this package reads. */
export interface JsonNode {
  type?: string
  text?: string
  attrs?: Record<string, unknown>
  content?: JsonNode[]
}

export interface Unit {
  key: string
  kind: 'preface' | 'clause'
  number: string | null
  heading: string
  body: string
}

/** A clause or sub-clause, by the node names @accord/schema defines. */
const isClause = (node: JsonNode): boolean => isNumberedNodeName(node.type ?? '')

const isInline = (node: JsonNode): boolean =>
  node.text !== undefined ||
  node.type === 'hardBreak' ||
  node.type === FOOTNOTE ||
  node.type === CLAUSE_REFERENCE

/**
 * How a cross-reference reads in compared text, given its target's id. Both versions must
 * read a reference to the same clause the same way, so that a reference compares by its
 * target, and renumbering the target is no change to it.
 */
export type ReferenceText = (clauseId: string) => string

/** By default, by the target's id itself (so texts for people relabel it: `labelReferences`). */
const byTarget: ReferenceText = (clauseId) => `[→ ${clauseId}]`

/** A reference as compared text names it by its target (`byTarget`). */
export const BY_TARGET = /\[→ ([A-Za-z0-9_-]{1,64})\]/gu

/**
 * Compared text (`textOf` with its default) made readable: each reference, which reads by its
 * target's id there, reads as `label` gives it ("Статья 3"). Comparisons keep the ids, so that
 * renumbering a clause is no change; people are shown labels.
 */
export const labelReferences = (text: string, label: (clauseId: string) => string): string =>
  text.replace(BY_TARGET, (_, clauseId: string) => label(clauseId))

/**
 * Plain text of a node: inline content joined as is, blocks (list items, paragraphs) on their
 * own lines. A table is one line per row, its cells apart by ` | `, so a changed cell shows
 * inside its row. A footnote stands where its mark does as `[^its text]`, without its number:
 * a note added earlier in the text renumbers the later ones, which is no change to them.
 */
export const textOf = (node: JsonNode, reference: ReferenceText = byTarget): string => {
  if (node.text !== undefined) return node.text
  if (node.type === 'hardBreak') return '\n'
  if (node.type === CLAUSE_REFERENCE) return reference(String(node.attrs?.clauseId ?? ''))
  const children = node.content ?? []
  const text = (child: JsonNode) => textOf(child, reference)
  if (node.type === FOOTNOTE) return `[^${children.map(text).join('')}]`
  if (node.type === TableNode.row)
    return children.map((cell) => (cell.content ?? []).map(text).join(' ')).join(' | ')
  const inline = children.every(isInline)
  return children.map(text).join(inline ? '' : '\n')
}

const clauseUnits = (node: JsonNode, number: string, out: Unit[], reference: ReferenceText) => {
  const id = typeof node.attrs?.id === 'string' ? node.attrs.id : `clause-${number}`
  const children = node.content ?? []
  const heading = children.find((c) => c.type === ClauseNode.heading)
  const body = children.filter((c) => c.type !== ClauseNode.heading && !isClause(c))
  out.push({
    key: id,
    kind: 'clause',
    number,
    heading: heading ? textOf(heading, reference) : '',
    body: body.map((block) => textOf(block, reference)).join('\n\n'),
  })
  let sub = 0
  for (const child of children)
    if (isClause(child)) clauseUnits(child, `${number}.${++sub}`, out, reference)
}

/**
 * The document as comparable units: one preface (everything before the first clause,
 * and any loose block between clauses) and one unit per clause and sub-clause, numbered
 * by position as the editor numbers them.
 */
export const documentUnits = (doc: JsonNode, reference: ReferenceText = byTarget): Unit[] => {
  const preface: string[] = []
  const clauses: Unit[] = []
  let n = 0
  for (const block of doc.content ?? []) {
    if (isClause(block)) clauseUnits(block, String(++n), clauses, reference)
    else preface.push(textOf(block, reference))
  }
  return [
    { key: 'preface', kind: 'preface', number: null, heading: '', body: preface.join('\n\n') },
    ...clauses,
  ]
}
