import type { Node as PMNode } from '@tiptap/pm/model'
import { ClauseNode } from './clauseNodeNames.js'

/** A clause or sub-clause found in a document, with its computed number. */
export interface NumberedClause {
  node: PMNode
  /** Document position just before the node. */
  pos: number
  /** '3' for the third clause, '3.1' for its first sub-clause. */
  number: string
  level: 1 | 2
  /** The id of the clause a sub-clause belongs to; absent on clauses. */
  parentId?: string
}

/**
 * Every clause and sub-clause in document order, numbered by position: the n-th clause of
 * the document is n, the m-th sub-clause of clause n is n.m. Numbers are never stored, so
 * every replica of a document numbers it the same way once they hold the same content.
 */
export const numberedClauses = (doc: PMNode): NumberedClause[] => {
  const found: NumberedClause[] = []
  let clauseCount = 0
  doc.forEach((clause, clauseOffset) => {
    if (clause.type.name !== ClauseNode.clause) return
    clauseCount += 1
    const number = String(clauseCount)
    const pos = clauseOffset
    found.push({ node: clause, pos, number, level: 1 })
    let subCount = 0
    clause.forEach((child, childOffset) => {
      if (child.type.name !== ClauseNode.subclause) return
      subCount += 1
      found.push({
        node: child,
        // +1 steps inside the clause's opening token.
        pos: pos + 1 + childOffset,
        number: `${number}.${subCount}`,
        level: 2,
        parentId: typeof clause.attrs.id === 'string' ? clause.attrs.id : undefined,
      })
    })
  })
  return found
}
