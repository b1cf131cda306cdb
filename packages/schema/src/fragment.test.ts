import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { docToJSON, jsonToUpdate } from './fragment.js'

const content = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'Статья 1. Цели' }] },
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Права человека ' },
        { type: 'text', marks: [{ type: 'bold' }], text: 'в цифровой среде' },
      ],
    },
  ],
}

describe('document fragment helpers', () => {
  it('round-trips ProseMirror JSON through a Yjs update, headless', () => {
    const ydoc = new Y.Doc()
    Y.applyUpdate(ydoc, jsonToUpdate(content))
    const json = docToJSON(ydoc)
    expect(json.content?.[0]?.type).toBe('heading')
    expect(json.content?.[1]?.content?.[1]?.marks?.[0]?.type).toBe('bold')
  })

  it('keeps links with their address', () => {
    const ydoc = new Y.Doc()
    const withLink = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            {
              type: 'text',
              text: 'ombudsman',
              marks: [{ type: 'link', attrs: { href: 'https://ombudsman.example' } }],
            },
          ],
        },
      ],
    }
    Y.applyUpdate(ydoc, jsonToUpdate(withLink))
    const mark = docToJSON(ydoc).content?.[0]?.content?.[0]?.marks?.[0]
    expect(mark).toMatchObject({ type: 'link', attrs: { href: 'https://ombudsman.example' } })
  })

  it('keeps where an ordered list starts', () => {
    const ydoc = new Y.Doc()
    const item = (t: string) => ({
      type: 'listItem',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: t }] }],
    })
    const list = { type: 'orderedList', attrs: { start: 4 }, content: [item('четыре')] }
    Y.applyUpdate(ydoc, jsonToUpdate({ type: 'doc', content: [list] }))
    expect(docToJSON(ydoc).content?.[0]).toMatchObject({ type: 'orderedList', attrs: { start: 4 } })
  })
})
