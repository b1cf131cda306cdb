import { Extension } from '@tiptap/core'
import { BLOCK_SUGGESTION_ATTR, readBlockSuggestion } from './suggestionTypes.js'

/** Every block type that may be suggested whole (inserted, deleted, retyped). */
export const SUGGESTABLE_BLOCKS = [
  'paragraph',
  'heading',
  'blockquote',
  'bulletList',
  'orderedList',
  'listItem',
  'codeBlock',
  'horizontalRule',
  'clause',
  'subclause',
  'clauseHeading',
  // Inserted or deleted whole in suggest mode (wholeNodeSuggestions); a footnote is inline,
  // but like a table it holds text of its own and is suggested by this attribute.
  'table',
  'footnote',
] as const

/** The `marks` spec for nodes whose children may carry suggestion node marks. */
export const BLOCK_SUGGESTION_MARKS = 'insertion deletion modification'

/**
 * The `suggestion` attribute on blocks: a whole block suggested for insertion, deletion or
 * a change of type. Rendered as data attributes so the editor's CSS can underline or strike
 * it through, with the author in the title.
 */
export const BlockSuggestions = Extension.create({
  name: 'blockSuggestions',
  addGlobalAttributes: () => [
    {
      types: [...SUGGESTABLE_BLOCKS],
      attributes: {
        [BLOCK_SUGGESTION_ATTR]: {
          default: null,
          keepOnSplit: false,
          parseHTML: (el) => {
            const raw = el.getAttribute('data-suggestion')
            if (!raw) return null
            try {
              return readBlockSuggestion(JSON.parse(raw))
            } catch {
              return null
            }
          },
          renderHTML: (attrs) => {
            const s = readBlockSuggestion(attrs[BLOCK_SUGGESTION_ATTR])
            if (!s) return {}
            return {
              'data-suggestion': JSON.stringify(s),
              'data-suggestion-kind': s.kind,
              title: s.authorName,
            }
          },
        },
      },
    },
  ],
})
