import type { Node as PMNode } from '@tiptap/pm/model'
import {
  defaultMarkdownParser,
  defaultMarkdownSerializer,
  MarkdownSerializer,
  schema,
} from 'prosemirror-markdown'
import { describe, expect, it } from 'vitest'
import { serializeByHeadings } from './serializeByHeadings.js'

const isHeading = (node: PMNode) => node.type === schema.nodes.heading

/** CommonMark's serializer with a rule that ends its text with a newline, as a table's writer does. */
const serializer = new MarkdownSerializer(
  {
    ...defaultMarkdownSerializer.nodes,
    horizontal_rule: (state, node) => {
      state.write('---')
      state.ensureNewLine()
      state.closeBlock(node)
    },
  },
  defaultMarkdownSerializer.marks,
)

/** Blocks of several kinds after and between headings, as a long text has them. */
const section = (n: number): PMNode[] => {
  const parsed = defaultMarkdownParser.parse(`## Section ${n}

Text of *section* ${n}, with a [link](https://example.org/${n}) and \`code\`.

- first
- second

1. numbered
2. list

3) another numbered list, right after the first

> A quote

\`\`\`
code block ${n}
\`\`\`

---
`)
  const sub = defaultMarkdownParser.parse(`### Sub-section ${n}\n\n* a list just before a heading`)
  return [...parsed.content.content, ...sub.content.content]
}

describe('serializeByHeadings', () => {
  it('writes a long text exactly as the serializer writes it whole', () => {
    const title = defaultMarkdownParser.parse('# Title\n\nPreface.').content.content
    const doc = schema.node('doc', null, [
      ...title,
      ...Array.from({ length: 60 }, (_, i) => section(i + 1)).flat(),
    ])
    const whole = serializer.serialize(doc)
    expect(serializeByHeadings(serializer, doc, isHeading)).toBe(whole)
    // The joins to get right are there: after a block ending in a newline, and a list after a list.
    expect(whole).toContain('---\n\n### Sub-section 1')
    expect(whole).toContain('2. list\n\n\n3. another')
  })

  it('writes a text without headings, or of one block, as it is', () => {
    for (const markdown of ['Only a paragraph.', '- a\n- b', '# Just a heading']) {
      const doc = defaultMarkdownParser.parse(markdown)
      const whole = defaultMarkdownSerializer.serialize(doc)
      expect(serializeByHeadings(defaultMarkdownSerializer, doc, () => false)).toBe(whole)
      expect(serializeByHeadings(defaultMarkdownSerializer, doc, isHeading)).toBe(whole)
    }
  })
})
