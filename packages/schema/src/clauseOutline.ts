import type { JSONContent } from '@tiptap/core'
import type { Node as PMNode } from '@tiptap/pm/model'
import { ClauseNode } from './clauseNodeNames.js'
import { documentSchema } from './documentSchema.js'
import { numberedClauses } from './numberedClauses.js'

/** One line of a document's outline. */
export interface OutlineEntry {
  /** The clause's stable id ('' only if the id plugin has not run yet). */
  id: string
  /** Computed from position: '3', or '3.1' for a sub-clause. */
  number: string
  /** The heading text, without the number label. */
  heading: string
  level: 1 | 2
  /** Sub-clauses of a clause, when it has any. */
  children?: OutlineEntry[]
}

const headingText = (node: PMNode): string => {
  const first = node.firstChild
  return first?.type.name === ClauseNode.heading ? first.textContent.trim() : ''
}

/** The outline of a ProseMirror document: clauses in order, each with its sub-clauses. */
export const outlineOfNode = (doc: PMNode): OutlineEntry[] => {
  const outline: OutlineEntry[] = []
  for (const clause of numberedClauses(doc)) {
    const entry: OutlineEntry = {
      id: typeof clause.node.attrs.id === 'string' ? clause.node.attrs.id : '',
      number: clause.number,
      heading: headingText(clause.node),
      level: clause.level,
    }
    const parent = outline.at(-1)
    if (clause.level === 1 || !parent) outline.push(entry)
    else parent.children = [...(parent.children ?? []), entry]
  }
  return outline
}

/**
 * The outline of a document given as ProseMirror JSON (as `docToJSON` returns it), headless.
 * Parsing through the schema keeps one numbering rule for the editor and the server.
 */
export const clauseOutline = (json: JSONContent): OutlineEntry[] =>
  outlineOfNode(documentSchema().nodeFromJSON(json))
