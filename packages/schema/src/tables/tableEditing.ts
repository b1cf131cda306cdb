import {
  type AnyCommands,
  type Editor,
  Extension,
  getExtensionField,
  type KeyboardShortcutCommand,
} from '@tiptap/core'
import { Table } from '@tiptap/extension-table/table'
import type { Plugin } from '@tiptap/pm/state'

/** What edits tables in an editor whose schema has `tableExtensions`. */
export interface TableEditingParts {
  /** Tiptap's table commands (`insertTable`, `addRowAfter`, `goToNextCell`…). */
  commands: Partial<AnyCommands>
  /** Tab and Shift-Tab between cells (Tab in the last cell adds a row), Backspace and Delete on a whole table. */
  shortcuts: Record<string, KeyboardShortcutCommand>
  /** prosemirror-tables' editing plugin: cell selection, pasting cells, tables fixed after each change. */
  plugins: Plugin[]
}

/**
 * Tiptap's own table commands, keys and plugins, taken from its Table extension (the part of
 * it that `tableExtensions` leaves out), with columns not resizable as in the schema. This
 * module imports prosemirror-tables; `@accord/schema` does not, so an editor can load it
 * after its text (`@accord/schema/tableEditing`).
 */
export const tableEditing = (editor: Editor): TableEditingParts => {
  const context = {
    name: Table.name,
    options: { ...Table.options, resizable: false },
    storage: {},
    editor,
  }
  const field = <T>(name: 'addCommands' | 'addKeyboardShortcuts' | 'addProseMirrorPlugins') =>
    (getExtensionField(Table, name, context) as () => T)()
  return {
    commands: field<Partial<AnyCommands>>('addCommands'),
    shortcuts: field<Record<string, KeyboardShortcutCommand>>('addKeyboardShortcuts'),
    plugins: field<Plugin[]>('addProseMirrorPlugins'),
  }
}

/** Table editing from the editor's creation, for editors without a text to draw first (headless ones). */
export const TableEditing = Extension.create({
  name: 'tableEditing',
  addCommands() {
    return tableEditing(this.editor).commands
  },
  addKeyboardShortcuts() {
    return tableEditing(this.editor).shortcuts
  },
  addProseMirrorPlugins() {
    return tableEditing(this.editor).plugins
  },
})
