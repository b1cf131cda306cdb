import { deletion, insertion, modification } from '@handlewithcare/prosemirror-suggest-changes'
import { Mark } from '@tiptap/core'
import { SuggestionMark } from './suggestionTypes.js'

// Attribution lives in attributes next to the library's `id`; the library creates marks with
// `{ id }` only and the editor's attribution step fills in the rest (see attributeSuggestions).
const attributionAttributes = () => ({
  id: {
    default: null,
    parseHTML: (el: HTMLElement) => el.getAttribute('data-suggestion-id'),
    renderHTML: (attrs: Record<string, unknown>) => ({ 'data-suggestion-id': attrs.id }),
  },
  authorId: {
    default: null,
    parseHTML: (el: HTMLElement) => el.getAttribute('data-author-id'),
    renderHTML: (attrs: Record<string, unknown>) => ({ 'data-author-id': attrs.authorId }),
  },
  authorName: {
    default: null,
    parseHTML: (el: HTMLElement) => el.getAttribute('data-author'),
    renderHTML: (attrs: Record<string, unknown>) => ({
      'data-author': attrs.authorName,
      title: typeof attrs.authorName === 'string' ? attrs.authorName : null,
    }),
  },
  at: {
    default: null,
    parseHTML: (el: HTMLElement) => el.getAttribute('data-at'),
    renderHTML: (attrs: Record<string, unknown>) => ({ 'data-at': attrs.at }),
  },
})

/** Suggested text: shown underlined (never by colour alone). */
export const Insertion = Mark.create({
  name: SuggestionMark.insertion,
  inclusive: insertion.inclusive ?? false,
  excludes: insertion.excludes ?? '',
  addAttributes: attributionAttributes,
  parseHTML: () => [{ tag: 'ins[data-suggestion-id]' }],
  renderHTML: ({ HTMLAttributes }) => ['ins', { ...HTMLAttributes, class: 'suggestion-ins' }, 0],
})

/** Text suggested for removal: it stays, struck through. */
export const Deletion = Mark.create({
  name: SuggestionMark.deletion,
  inclusive: deletion.inclusive ?? false,
  excludes: deletion.excludes ?? '',
  addAttributes: attributionAttributes,
  parseHTML: () => [{ tag: 'del[data-suggestion-id]' }],
  renderHTML: ({ HTMLAttributes }) => ['del', { ...HTMLAttributes, class: 'suggestion-del' }, 0],
})

/**
 * A changed attribute or mark of a node. The library puts it on nodes; here it is only a
 * passage mark before attribution turns it into the block's `suggestion` attribute.
 */
export const Modification = Mark.create({
  name: SuggestionMark.modification,
  inclusive: modification.inclusive ?? false,
  excludes: modification.excludes ?? '',
  addAttributes: () => ({
    ...attributionAttributes(),
    type: { default: null, rendered: false },
    attrName: { default: null, rendered: false },
    previousValue: { default: null, rendered: false },
    newValue: { default: null, rendered: false },
  }),
  parseHTML: () => [{ tag: 'span[data-modification]' }],
  renderHTML: ({ HTMLAttributes }) => [
    'span',
    { ...HTMLAttributes, 'data-modification': '', class: 'suggestion-mod' },
    0,
  ],
})
