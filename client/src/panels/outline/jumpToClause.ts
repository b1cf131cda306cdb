import { findClauseById } from '@accord/schema'
import { TextSelection } from '@tiptap/pm/state'
import type { Editor } from '@tiptap/react'

const reducedMotion = () => window.matchMedia('(prefers-reduced-motion: reduce)').matches

/**
 * Brings the clause with this id to the top of the view and puts the cursor at the end of
 * its heading, with the focus in the editor, so typing or reading continues there.
 */
export const jumpToClause = (editor: Editor, id: string): boolean => {
  const found = findClauseById(editor.state.doc, id)
  if (!found) return false
  const headingEnd = found.pos + 1 + (found.node.firstChild?.nodeSize ?? 2) - 1
  const { state, view } = editor
  view.dispatch(state.tr.setSelection(TextSelection.create(state.doc, headingEnd)))
  view.focus()
  const element = view.nodeDOM(found.pos)
  if (element instanceof HTMLElement) {
    element.scrollIntoView({ block: 'start', behavior: reducedMotion() ? 'auto' : 'smooth' })
  }
  return true
}
