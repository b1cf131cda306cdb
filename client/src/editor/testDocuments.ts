import { documentSchema } from '@accord/schema'
import type { Node } from '@tiptap/pm/model'

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

/** The position just after the first occurrence of `marker` in the text. */
export const justAfter = (node: Node, marker: string): number => {
  let found = -1
  node.descendants((child, pos) => {
    const at = child.isText ? (child.text?.indexOf(marker) ?? -1) : -1
    if (found < 0 && at >= 0) found = pos + at + marker.length
    return found < 0
  })
  if (found < 0) throw new Error(`no "${marker}"`)
  return found
}
