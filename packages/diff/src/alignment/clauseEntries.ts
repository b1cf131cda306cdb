import { type JsonNode, textOf } from '../documentUnits.js'

/** A clause or sub-clause of a document, as alignment compares it. */
export interface ClauseEntry {
  id: string
  /** Computed from position, as the editor numbers it: '3', '3.1'. */
  number: string
  level: 1 | 2
  /** The clause that holds a sub-clause; null for a clause. */
  parentId: string | null
  kind: 'clause' | 'subclause'
  heading: string
  /** Heading on the first line, then the body's blocks (not its sub-clauses). */
  text: string
}

const CLAUSES = new Set(['clause', 'subclause'])
const HEADING = 'clauseHeading'

const entryOf = (
  node: JsonNode,
  number: string,
  level: 1 | 2,
  parentId: string | null,
): ClauseEntry | undefined => {
  const id = node.attrs?.id
  if (typeof id !== 'string' || id === '') return undefined
  const children = node.content ?? []
  const headingNode = children.find((c) => c.type === HEADING)
  const heading = headingNode ? textOf(headingNode) : ''
  const body = children.filter((c) => c.type !== HEADING && !CLAUSES.has(c.type ?? ''))
  return {
    id,
    number,
    level,
    parentId,
    kind: level === 1 ? 'clause' : 'subclause',
    heading,
    text: [heading, ...body.map((node) => textOf(node))].join('\n'),
  }
}

/**
 * Every clause and sub-clause of a document in reading order, with its number and text.
 * Clauses without an id (only before the id plugin ran) cannot be aligned and are skipped.
 */
export const clauseEntries = (doc: JsonNode): ClauseEntry[] => {
  const out: ClauseEntry[] = []
  let n = 0
  for (const block of doc.content ?? []) {
    if (!CLAUSES.has(block.type ?? '')) continue
    const number = String(++n)
    const clause = entryOf(block, number, 1, null)
    if (clause) out.push(clause)
    let sub = 0
    for (const child of block.content ?? []) {
      if (!CLAUSES.has(child.type ?? '')) continue
      const entry = entryOf(child, `${number}.${++sub}`, 2, clause?.id ?? null)
      if (entry) out.push(entry)
    }
  }
  return out
}
