import { TableNode } from '@accord/schema'
import { type Editor, Extension, isNodeActive } from '@tiptap/core'
import { type Command, type EditorState, Plugin, PluginKey } from '@tiptap/pm/state'
import { loadOnce } from '../../ui/loadOnce'

type TableCommands = typeof import('./tableCommands')

const tableCommands = loadOnce(() => import('./tableCommands'))

/**
 * Fetches the table-editing code ahead of need, once a document's text is shown: the caret's
 * first move into a table then finds it here.
 */
export const preloadTableEditing = (): void => {
  tableCommands.load().catch(() => {})
}

/** The table commands if their code is here, else null (see `tableEditingIn`). */
export const loadedTableCommands = tableCommands.loaded

/** Where prosemirror-tables' plugin goes among the editor's plugins once it is here. */
const slotKey = new PluginKey('tableEditingSlot')
const editorsWithPlugin = new WeakSet<Editor>()

/**
 * Table editing in this editor: loads its code if need be and adds prosemirror-tables'
 * plugin where Tiptap's table extension would have had it, so that its keys and clicks come
 * before those of the extensions listed before the tables, as they always did.
 */
export const tableEditingIn = async (editor: Editor): Promise<TableCommands> => {
  const commands = await tableCommands.load()
  if (!editor.isDestroyed && !editorsWithPlugin.has(editor)) {
    editorsWithPlugin.add(editor)
    editor.registerPlugin(commands.tableEditingPlugin(), (plugin, plugins) => {
      const slot = plugins.findIndex((each) => each.spec.key === slotKey)
      return [...plugins.slice(0, slot + 1), plugin, ...plugins.slice(slot + 1)]
    })
    // A transaction, so that what reads the editor on each one (the toolbar) sees them here.
    editor.view.dispatch(editor.state.tr)
  }
  return commands
}

/** Whether the selection is in a table (as the toolbar asks with `isActive`). */
const inTable = (state: EditorState): boolean => isNodeActive(state, TableNode.table)

/**
 * Editing tables: prosemirror-tables' plugin and commands, and the keys of Tiptap's table
 * extension (Tab and Shift-Tab between cells, a new row from the last cell; Backspace or Delete
 * on every cell deleting the table). Their code (9.7 KB gzipped) is loaded when the caret first
 * enters a table or a table is inserted, not with the editor, so it is not on the way to a
 * document's first keystroke. A Tab pressed in a table before it is here is done once it is.
 * Adding the plugin makes the collaboration binding draw the text once more (ProseMirror
 * rebuilds every plugin's view), once per editor: about 40 ms more on the caret's first entry
 * into a table of a 1,000-clause text (`client/bench/firstTableEntry.ts`).
 */
export const TableEditing = Extension.create({
  name: 'tableEditing',

  addKeyboardShortcuts() {
    const { editor } = this
    const run = (command: Command) => command(editor.state, editor.view.dispatch, editor.view)
    const betweenCells = (pick: (commands: TableCommands) => Command) => () => {
      const loaded = tableCommands.loaded()
      if (loaded) return run(pick(loaded))
      if (!inTable(editor.state)) return false
      void tableEditingIn(editor).then((commands) => run(pick(commands)))
      return true
    }
    // Only a cell selection, which exists only once the plugin is here, deletes a table.
    const wholeTable = () => {
      const loaded = tableCommands.loaded()
      return loaded !== null && run(loaded.deleteWholeTable)
    }
    return {
      Tab: betweenCells((commands) => commands.nextCell),
      'Shift-Tab': betweenCells((commands) => commands.previousCell),
      Backspace: wholeTable,
      'Mod-Backspace': wholeTable,
      Delete: wholeTable,
      'Mod-Delete': wholeTable,
    }
  },

  addProseMirrorPlugins() {
    const { editor } = this
    const loadInTable = (state: EditorState) => {
      if (!editorsWithPlugin.has(editor) && inTable(state))
        // A failed load is asked again the next time the caret is in a table.
        tableEditingIn(editor).catch(() => {})
    }
    return [
      new Plugin({
        key: slotKey,
        view: (view) => {
          loadInTable(view.state)
          return { update: (updated) => loadInTable(updated.state) }
        },
      }),
    ]
  },
})
