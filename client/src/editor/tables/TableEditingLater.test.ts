import { documentExtensions } from '@accord/schema'
import { tableEditing } from '@accord/schema/tableEditing'
import { Editor } from '@tiptap/core'
import { describe, expect, it } from 'vitest'
import { TABLE_COMMANDS, TABLE_KEYS } from './TableEditingLater'

describe('table editing loaded later', () => {
  it("offers every command and key of Tiptap's Table extension before it loads them", () => {
    const editor = new Editor({
      extensions: documentExtensions(),
      content: { type: 'doc', content: [{ type: 'paragraph' }] },
      enableCoreExtensions: { keymap: false },
    })
    const parts = tableEditing(editor)
    expect([...TABLE_COMMANDS].sort()).toEqual(Object.keys(parts.commands).sort())
    expect([...TABLE_KEYS].sort()).toEqual(Object.keys(parts.shortcuts).sort())
    // Columns are not resizable: prosemirror-tables' editing plugin alone, no column resizing.
    expect(parts.plugins).toHaveLength(1)
    editor.destroy()
  })
})
