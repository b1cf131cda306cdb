import { ClauseNode, newClauseId } from '@accord/schema'
import type { NodeType, Node as PMNode } from '@tiptap/pm/model'

/** A new clause or sub-clause of `type`: an empty heading and an empty paragraph for the body. */
export const emptyClause = (type: NodeType): PMNode => {
  const { schema } = type
  return type.create({ id: newClauseId() }, [
    schema.node(ClauseNode.heading),
    schema.node('paragraph'),
  ])
}

/** Position of the start of the heading text of the clause at `pos`. */
export const headingStart = (pos: number): number => pos + 2
