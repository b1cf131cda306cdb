import { mergeAttributes, Node } from '@tiptap/core'
import { isValidClauseId } from '../newClauseId.js'

/** The node name of a cross-reference, in ProseMirror JSON, the Y.XmlFragment and every consumer. */
export const CLAUSE_REFERENCE = 'clauseRef'

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    clauseReference: {
      /** Puts a reference to the clause or sub-clause with this id in place of the selection. */
      insertClauseReference: (clauseId: string) => ReturnType
    }
  }
}

/**
 * A cross-reference ("see Article 3"): an inline atom that holds only the id of the clause
 * it points to. Its label is never stored: it is the target's current number in the
 * document's label style (`clauseReferenceLabels`), so the reference follows the clause when
 * clauses move, and a reference whose clause is gone shows as such. Through Yjs it is one
 * element with one attribute, so two people never half-edit a reference.
 */
export const ClauseReference = Node.create({
  name: CLAUSE_REFERENCE,
  group: 'inline',
  inline: true,
  atom: true,
  selectable: true,
  addAttributes: () => ({
    clauseId: {
      default: null,
      parseHTML: (element: HTMLElement) => element.getAttribute('data-clause-id'),
      renderHTML: (attrs: { clauseId?: unknown }) =>
        typeof attrs.clauseId === 'string' ? { 'data-clause-id': attrs.clauseId } : {},
    },
  }),
  parseHTML: () => [{ tag: 'span[data-type="clause-ref"]' }],
  renderHTML: ({ HTMLAttributes }) => [
    'span',
    mergeAttributes(HTMLAttributes, { 'data-type': 'clause-ref', class: 'clause-ref' }),
  ],
  // Plain text (copying, comment quotes) cannot know the number; an arrow marks the place.
  renderText: () => '→',
  addCommands: () => ({
    insertClauseReference:
      (clauseId) =>
      ({ state, tr, dispatch }) => {
        const type = state.schema.nodes[CLAUSE_REFERENCE]
        const { $from, from, to } = state.selection
        if (!type || !isValidClauseId(clauseId)) return false
        if (!$from.parent.canReplaceWith($from.index(), $from.index(), type)) return false
        if (dispatch) {
          tr.replaceRangeWith(from, to, type.create({ clauseId }))
          dispatch(tr.scrollIntoView())
        }
        return true
      },
  }),
})
