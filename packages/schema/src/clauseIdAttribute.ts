import type { Attributes } from '@tiptap/core'
import { isValidClauseId } from './newClauseId.js'

/**
 * The `id` attribute of clauses and sub-clauses, kept in HTML as `data-id`. It starts empty
 * (null); `clauseIdPlugin` gives every numbered node a unique id in the same transaction.
 */
export const clauseIdAttribute: Attributes = {
  id: {
    default: null,
    // Splitting must not copy the id; the plugin would repair it, but never create the duplicate.
    keepOnSplit: false,
    parseHTML: (element) => {
      const id = element.getAttribute('data-id')
      return isValidClauseId(id) ? id : null
    },
    renderHTML: (attributes) =>
      isValidClauseId(attributes.id) ? { 'data-id': attributes.id } : {},
  },
}
