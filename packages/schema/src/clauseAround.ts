import type { Node as PMNode, ResolvedPos } from '@tiptap/pm/model'
import { ClauseNode, isNumberedNodeName } from './clauseNodeNames.js'

/** A clause or sub-clause located in a document. */
export interface LocatedClause {
  node: PMNode
  /** Position just before the node. */
  pos: number
  /** Depth of the node (1 for a clause, 2 for a sub-clause). */
  depth: number
}

/** The innermost clause or sub-clause that contains `$pos`, or null in the preface or between clauses. */
export const clauseAround = ($pos: ResolvedPos): LocatedClause | null => {
  for (let depth = $pos.depth; depth > 0; depth -= 1) {
    const node = $pos.node(depth)
    if (isNumberedNodeName(node.type.name)) return { node, pos: $pos.before(depth), depth }
  }
  return null
}

/** The clause or sub-clause with this id, wherever it is now. */
export const findClauseById = (doc: PMNode, id: string): LocatedClause | null => {
  let found: LocatedClause | null = null
  doc.descendants((node, pos) => {
    if (found) return false
    if (isNumberedNodeName(node.type.name) && node.attrs.id === id) {
      found = { node, pos, depth: doc.resolve(pos).depth + 1 }
      return false
    }
    // Clauses live at the top level and sub-clauses one level down; nothing deeper holds one.
    return node.type.name === ClauseNode.clause
  })
  return found
}
