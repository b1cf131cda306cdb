import { Fragment, type Node as PMNode } from '@tiptap/pm/model'
import { type Command, Selection } from '@tiptap/pm/state'
import { selectedClause } from './selectedClause'

/**
 * Merges the clause (or sub-clause) at the cursor into the one right before it: its heading
 * text becomes the first paragraph of what it brings, its body and sub-clauses follow the
 * previous clause's. The previous clause keeps its id and heading.
 */
export const mergeClauseWithPrevious: Command = (state, dispatch) => {
  const around = selectedClause(state)
  if (!around) return false
  const $clause = state.doc.resolve(around.pos)
  const index = $clause.index()
  const previous = index > 0 ? $clause.parent.child(index - 1) : null
  if (!previous || previous.type !== around.node.type) return false

  const [heading, ...body] = childrenOf(around.node)
  const paragraph = state.schema.nodes.paragraph
  const moved =
    heading && heading.content.size > 0 && paragraph
      ? [paragraph.create(null, heading.content), ...body]
      : body
  const content = previous.content.append(Fragment.from(moved))
  if (!previous.type.validContent(content)) return false
  if (dispatch) {
    const previousPos = around.pos - previous.nodeSize
    const merged = previous.type.create(previous.attrs, content)
    const tr = state.tr.replaceWith(previousPos, around.pos + around.node.nodeSize, merged)
    // The cursor goes where the two meet: the start of what was moved.
    const seam = previousPos + 1 + previous.content.size
    tr.setSelection(Selection.near(tr.doc.resolve(seam + (moved.length > 0 ? 1 : 0))))
    dispatch(tr.scrollIntoView())
  }
  return true
}

const childrenOf = (node: PMNode): PMNode[] => {
  const children: PMNode[] = []
  node.forEach((child) => {
    children.push(child)
  })
  return children
}
