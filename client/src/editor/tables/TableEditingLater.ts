import { TableNode } from '@accord/schema'
import type { TableEditingParts } from '@accord/schema/tableEditing'
import {
  type AnyCommands,
  type Editor,
  Extension,
  type KeyboardShortcutCommand,
} from '@tiptap/core'
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state'
import { whenIdle } from '../../ui/whenIdle'

/** Tiptap's table commands (its Table extension's `addCommands`), each offered from the start. */
export const TABLE_COMMANDS = [
  'insertTable',
  'addColumnBefore',
  'addColumnAfter',
  'deleteColumn',
  'addRowBefore',
  'addRowAfter',
  'deleteRow',
  'deleteTable',
  'mergeCells',
  'splitCell',
  'toggleHeaderColumn',
  'toggleHeaderRow',
  'toggleHeaderCell',
  'mergeOrSplit',
  'setCellAttribute',
  'goToNextCell',
  'goToPreviousCell',
  'fixTables',
  'setCellSelection',
] as const

/** The keys its Table extension binds. */
export const TABLE_KEYS = ['Tab', 'Shift-Tab', 'Backspace', 'Mod-Backspace', 'Delete', 'Mod-Delete']

/** Where prosemirror-tables' plugin goes once loaded: where Tiptap's Table would have put it. */
const slotKey = new PluginKey('tableEditingSlot')

interface TableEditingStorage {
  parts: TableEditingParts | null
  /** Loads the parts now if they are not loading yet (a table command asked before the idle moment). */
  loadNow: () => void
  cancel: () => void
}

/**
 * Table editing (Tiptap's table commands and keys, prosemirror-tables' plugin) loaded once
 * the text has arrived (the editor's first change), is drawn and the browser is idle, not
 * before the editor can be typed in: it is ~14 KB gz of code a person needs only in a table. The table nodes are in the schema from
 * the start (`tableExtensions`). Until it has loaded, which is about a second after the text
 * appears, the commands answer "cannot" (the toolbar's table buttons are disabled) and Tab
 * in a table is the browser's; a table command, or a table key in a table, asked for in that time loads it at once.
 */
export const TableEditingLater = Extension.create<unknown, TableEditingStorage>({
  name: 'tableEditing',

  addStorage: () => ({ parts: null, loadNow: () => {}, cancel: () => {} }),

  addCommands() {
    const storage = this.storage
    const later = (name: (typeof TABLE_COMMANDS)[number]) =>
      ((...args: unknown[]) =>
        (props: unknown) => {
          const command = storage.parts?.commands[name] as
            | ((...a: unknown[]) => (p: unknown) => boolean)
            | undefined
          if (command) return command(...args)(props)
          storage.loadNow()
          return false
        }) as AnyCommands[string]
    return Object.fromEntries(TABLE_COMMANDS.map((name) => [name, later(name)]))
  },

  addKeyboardShortcuts() {
    const storage = this.storage
    const later =
      (key: string): KeyboardShortcutCommand =>
      (props) => {
        if (storage.parts) return storage.parts.shortcuts[key]?.(props) ?? false
        if (props.editor.isActive(TableNode.table)) storage.loadNow()
        return false
      }
    return Object.fromEntries(TABLE_KEYS.map((key) => [key, later(key)]))
  },

  addProseMirrorPlugins: () => [new Plugin({ key: slotKey })],

  onCreate() {
    const editor = this.editor
    const storage = this.storage
    let started = false
    storage.loadNow = () => {
      if (started) return
      started = true
      storage.cancel()
      void import('@accord/schema/tableEditing').then(({ tableEditing }) => {
        if (!editor.isDestroyed) attach(editor, storage, tableEditing(editor))
      })
    }
    const afterText = () => {
      storage.cancel = whenIdle(() => storage.loadNow())
    }
    // The text arrives after the editor exists (the first sync): wait for its first change.
    const onChange = ({ transaction }: { transaction: Transaction }) => {
      if (!transaction.docChanged) return
      editor.off('transaction', onChange)
      afterText()
    }
    editor.on('transaction', onChange)
    storage.cancel = () => editor.off('transaction', onChange)
  },

  onDestroy() {
    this.storage.cancel()
  },
})

/** Puts the loaded parts to work: the commands and keys answer, the plugin takes the slot's place. */
const attach = (editor: Editor, storage: TableEditingStorage, parts: TableEditingParts) => {
  storage.parts = parts
  for (const plugin of parts.plugins)
    editor.registerPlugin(plugin, (added, plugins) =>
      plugins.flatMap((p) => (p.spec.key === slotKey ? [p, added] : [p])),
    )
  // A change of nothing, so that what depends on the commands (the toolbar) asks again.
  editor.view.dispatch(editor.state.tr)
}
