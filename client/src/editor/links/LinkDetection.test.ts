import { documentSchema } from '@accord/schema'
import { type Editor, getExtensionField, type PasteRule } from '@tiptap/core'
import type { Node as PMNode } from '@tiptap/pm/model'
import { EditorState, type Plugin, TextSelection } from '@tiptap/pm/state'
import { describe, expect, it } from 'vitest'
import { LinkDetection, preloadLinkDetection } from './LinkDetection'
import { linkDetectorsFor } from './linkDetectors'

const schema = documentSchema()
// What the detectors read of their editor when they are made and when a change comes.
const editor = { schema } as unknown as Editor
const context = { name: 'linkDetection', options: {}, storage: {}, editor }
const handingOn = (): Plugin[] =>
  getExtensionField(LinkDetection, 'addProseMirrorPlugins', context)()
const pasteRule = (): PasteRule =>
  (getExtensionField(LinkDetection, 'addPasteRules', context)() as PasteRule[])[0] as PasteRule

const startState = (plugins: Plugin[]) => {
  const doc = schema.nodeFromJSON({
    type: 'doc',
    content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Sources:' }] }],
  })
  return EditorState.create({ schema, doc, plugins, selection: TextSelection.atEnd(doc) })
}

/** Types at the end of the text, one letter per change, as a person does. */
const typed = (state: EditorState, text: string, meta?: string): EditorState => {
  let next = state
  for (const letter of text) {
    const tr = next.tr.insertText(letter)
    if (meta) tr.setMeta(meta, true)
    next = next.apply(tr)
  }
  return next
}

const linksIn = (doc: PMNode) => {
  const found: string[] = []
  doc.descendants((node) => {
    const link = node.marks.find((mark) => mark.type.name === 'link')
    if (link) found.push(`${node.text} → ${link.attrs.href}`)
  })
  return found
}

describe('finding addresses, handed on to the link extension once its code is here', () => {
  it('links nothing, and fails nothing, before the code is asked for', () => {
    const state = typed(startState(handingOn()), ' https://example.org/annex ')
    expect(linksIn(state.doc)).toEqual([])
    expect(pasteRule().find).toBeTypeOf('function')
    expect((pasteRule().find as (text: string) => unknown)('see https://example.org')).toBeNull()
  })

  it('links an address typed by this person once the code is here, and none a remote change brings', async () => {
    await preloadLinkDetection()
    const state = typed(startState(handingOn()), ' https://example.org/annex and more')
    expect(linksIn(state.doc)).toEqual(['https://example.org/annex → https://example.org/annex'])
    const remote = typed(startState(handingOn()), ' https://example.org/annex ', 'preventAutolink')
    expect(linksIn(remote.doc)).toEqual([])
    const found = (pasteRule().find as (text: string) => { text: string }[])(
      'See https://ombudsman.kz/report, and javascript:alert(1).',
    )
    expect(found.map((match) => match.text)).toEqual(['https://ombudsman.kz/report'])
  })

  it('hands on all the link extension has: plugins with no state and no view, one paste rule', () => {
    const { plugins, pasteRules } = linkDetectorsFor(editor)
    for (const plugin of plugins) {
      expect(plugin.spec.state).toBeUndefined()
      expect(plugin.spec.view).toBeUndefined()
      // A click handler does nothing with links not opened on a click; it is not handed on.
      for (const key of Object.keys(plugin.props))
        expect(['handlePaste', 'handleClick']).toContain(key)
    }
    expect(plugins.filter((plugin) => plugin.spec.appendTransaction)).toHaveLength(1)
    expect(pasteRules).toHaveLength(1)
  })
})
