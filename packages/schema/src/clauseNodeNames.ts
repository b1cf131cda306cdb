/**
 * Names of the clause nodes, as they appear in ProseMirror JSON, in the Y.XmlFragment and in
 * every consumer (diff, export, comments). Changing one is a data migration.
 */
export const ClauseNode = {
  clause: 'clause',
  subclause: 'subclause',
  heading: 'clauseHeading',
} as const
export type ClauseNode = (typeof ClauseNode)[keyof typeof ClauseNode]

/** The two numbered node types: a clause (level 1) and a sub-clause (level 2). */
export type NumberedNodeName = typeof ClauseNode.clause | typeof ClauseNode.subclause

export const isNumberedNodeName = (name: string): name is NumberedNodeName =>
  name === ClauseNode.clause || name === ClauseNode.subclause
