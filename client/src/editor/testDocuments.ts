import { documentSchema } from '@accord/schema'

/** Editor documents for unit tests, built from the schema's JSON. */
const schema = documentSchema()

export const paragraph = (text: string) => ({
  type: 'paragraph',
  content: text ? [{ type: 'text', text }] : [],
})

export const list = (text: string) => ({
  type: 'bulletList',
  content: [{ type: 'listItem', content: [paragraph(text)] }],
})

export const doc = (...blocks: object[]) => schema.nodeFromJSON({ type: 'doc', content: blocks })
