import { clauseAround, isNumberedNodeName, type LocatedClause } from '@accord/schema'
import { type EditorState, NodeSelection } from '@tiptap/pm/state'

/**
 * The clause or sub-clause the selection is in (the innermost), or the one selected as a
 * node; null when the selection is in the preface or between clauses.
 */
export const selectedClause = (state: EditorState): LocatedClause | null => {
  const { selection } = state
  if (selection instanceof NodeSelection && isNumberedNodeName(selection.node.type.name)) {
    return { node: selection.node, pos: selection.from, depth: selection.$from.depth + 1 }
  }
  return clauseAround(selection.$from)
}
