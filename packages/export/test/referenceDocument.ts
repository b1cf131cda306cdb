import type { JSONContent } from '@tiptap/core'

/**
 * A document with cross-references: clause 1 refers to clause 2 (whose id Word cannot take
 * as a bookmark name as it is), to its sub-clause, and to a clause that was deleted; a
 * footnote refers back to clause 1.
 */
export const REFERRED_ID = 'c-terms-and-definitions'

const text = (value: string): JSONContent => ({ type: 'text', text: value })
const ref = (clauseId: string): JSONContent => ({ type: 'clauseRef', attrs: { clauseId } })
const heading = (value: string): JSONContent => ({ type: 'clauseHeading', content: [text(value)] })

export const referenceDocument = (): JSONContent => ({
  type: 'doc',
  content: [
    {
      type: 'clause',
      attrs: { id: 'cscope' },
      content: [
        heading('Сфера применения'),
        {
          type: 'paragraph',
          content: [
            text('См. '),
            ref(REFERRED_ID),
            text(' и '),
            ref('cdefined'),
            text('; утратила силу '),
            ref('cgone'),
            text('.'),
          ],
        },
      ],
    },
    {
      type: 'clause',
      attrs: { id: REFERRED_ID },
      content: [
        heading('Термины'),
        {
          type: 'paragraph',
          content: [
            text('Термины'),
            { type: 'footnote', content: [text('Как в '), ref('cscope')] },
            text(' определены ниже.'),
          ],
        },
        {
          type: 'subclause',
          attrs: { id: 'cdefined' },
          content: [heading('Определения')],
        },
      ],
    },
  ],
})
