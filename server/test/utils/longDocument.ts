import type { JSONContent } from '@tiptap/core'

const SENTENCE =
  'Участники обеспечивают всеобщий и равный доступ к интернету, развивают цифровую грамотность и защищают права жителей при обработке их данных'
/** Body paragraphs to a clause. */
export const PER_CLAUSE = 20

/**
 * A long standard as ProseMirror JSON: `paragraphs` body paragraphs of about 280 characters,
 * twenty to a clause, each clause with a heading, as a working group's longest texts are.
 */
export const longDocument = (paragraphs: number): JSONContent => {
  const clauses: JSONContent[] = []
  for (let i = 0; i < paragraphs; i += PER_CLAUSE) {
    const body: JSONContent[] = []
    for (let j = i; j < Math.min(paragraphs, i + PER_CLAUSE); j++) {
      body.push({
        type: 'paragraph',
        content: [{ type: 'text', text: `${j + 1}. ${SENTENCE}; ${SENTENCE.toLowerCase()}.` }],
      })
    }
    const n = i / PER_CLAUSE + 1
    clauses.push({
      type: 'clause',
      attrs: { id: `c${n}` },
      content: [
        { type: 'clauseHeading', content: [{ type: 'text', text: `Положение ${n}` }] },
        ...body,
      ],
    })
  }
  return { type: 'doc', content: clauses }
}

/** `count` short clauses with ids `c0`…, one paragraph each: for figures that count clauses. */
export const shortClauses = (count: number): JSONContent => ({
  type: 'doc',
  content: Array.from({ length: count }, (_, i) => ({
    type: 'clause',
    attrs: { id: `c${i}` },
    content: [
      { type: 'clauseHeading', content: [{ type: 'text', text: `Статья ${i + 1}` }] },
      { type: 'paragraph', content: [{ type: 'text', text: 'Текст статьи. '.repeat(20) }] },
    ],
  })),
})
