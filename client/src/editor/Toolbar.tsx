import { insertTable, type LocatedClause } from '@accord/schema'
import { type Editor, useEditorState } from '@tiptap/react'
import { Fragment, type KeyboardEvent, type ReactNode, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useAnnouncer } from '../ui/useAnnouncer'
import { ClauseIcon } from './ClauseIcon'
import { ClauseAction, shortcutFor } from './clauseShortcuts'
import { clauseAvailability } from './clauses/clauseAvailability'
import { clauseCommandFor } from './clauses/clauseCommandFor'
import { selectedClause } from './clauses/selectedClause'
import { ariaKeyShortcut, formatShortcut, isMac } from './formatShortcut'
import { ListIcon } from './ListIcon'
import { REFERENCE_SHORTCUT } from './references/ClauseReferenceLabels'
import { ToolbarButton } from './ToolbarButton'
import { InsertIcon } from './tables/InsertIcon'
import { loadedTableCommands } from './tables/TableEditing'
import { TABLE_ACTION_GLYPHS, TABLE_ACTIONS, type TableAction } from './tables/tableActions'

type Level = 1 | 2 | 3

const LEVELS: readonly Level[] = [1, 2, 3]

const NO_TABLE_ACTIONS: readonly boolean[] = TABLE_ACTIONS.map(() => false)

/**
 * A table action's command, once the table-editing code is here: TableEditing loads it as the
 * caret enters a table, and the toolbar asks again with the next transaction.
 */
const tableCommand = (action: TableAction) => loadedTableCommands()?.tableActionCommands[action]

/** Runs one table action at the selection; true when it ran. */
const runTableAction = (editor: Editor, action: TableAction): boolean => {
  const command = tableCommand(action)
  editor.view.focus()
  return command?.(editor.state, editor.view.dispatch) ?? false
}

/** The clause actions in toolbar order. */
const CLAUSE_ACTIONS: readonly ClauseAction[] = [
  ClauseAction.insertAbove,
  ClauseAction.insertBelow,
  ClauseAction.insertSubclause,
  ClauseAction.split,
  ClauseAction.merge,
  ClauseAction.moveUp,
  ClauseAction.moveDown,
  ClauseAction.delete,
]

interface ButtonSpec {
  label: string
  glyph: ReactNode
  pressed?: boolean
  disabled?: boolean
  shortcut?: { text: string; aria: string }
  /** Starts a new group, set off by a separator. */
  groupStart?: boolean
  run: () => void
}

interface ToolbarProps {
  editor: Editor
  /** Deleting a clause asks first; the caller shows the question. */
  onDeleteRequest: (clause: LocatedClause) => void
  /** Inserting a cross-reference asks which clause; the caller shows the picker. */
  onReferenceRequest: () => void
}

/**
 * Formatting (bold, italic, headings 1–3, lists) and clause actions (insert, split, merge,
 * move, delete). Arrow keys move between buttons (ARIA toolbar pattern).
 */
export const Toolbar = ({ editor, onDeleteRequest, onReferenceRequest }: ToolbarProps) => {
  const { t } = useTranslation()
  const [focused, setFocused] = useState(0)
  const active = useEditorState({
    editor,
    selector: ({ editor: current }) => {
      const inTable = current.isActive('table')
      return {
        bold: current.isActive('bold'),
        italic: current.isActive('italic'),
        headings: LEVELS.map((level) => current.isActive('heading', { level })),
        bulletList: current.isActive('bulletList'),
        orderedList: current.isActive('orderedList'),
        clauses: clauseAvailability(current.state),
        inTable,
        // Asked only in a table: ten dry runs on every keystroke elsewhere are wasted.
        tableActions: inTable
          ? TABLE_ACTIONS.map((action) => tableCommand(action)?.(current.state) ?? false)
          : NO_TABLE_ACTIONS,
      }
    },
  })
  const announce = useAnnouncer()

  // Core commands by node and mark name: the extensions' own typings belong to @accord/schema.
  const chain = () => editor.chain().focus()
  const mac = isMac()
  const clauseButtons = CLAUSE_ACTIONS.map((action, i): ButtonSpec => {
    const keys = shortcutFor(action)?.keys
    return {
      label: t(`clauses.${action}`),
      glyph: <ClauseIcon action={action} />,
      disabled: !active.clauses[action],
      shortcut: keys
        ? { text: formatShortcut(keys, mac), aria: ariaKeyShortcut(keys, mac) }
        : undefined,
      groupStart: i === 0,
      run: () => {
        if (action === ClauseAction.delete) {
          const clause = selectedClause(editor.state)
          if (clause) onDeleteRequest(clause)
          return
        }
        clauseCommandFor[action](editor.state, editor.view.dispatch, editor.view)
        editor.view.focus()
      },
    }
  })
  // Shown only with the cursor in a table, so the toolbar stays short elsewhere.
  const tableButtons = active.inTable
    ? TABLE_ACTIONS.map(
        (action, i): ButtonSpec => ({
          label: t(`tables.${action}`),
          glyph: TABLE_ACTION_GLYPHS[action],
          disabled: !active.tableActions[i],
          groupStart: i === 0,
          run: () => {
            // Said aloud: the table's new shape is not otherwise announced.
            if (runTableAction(editor, action)) announce(t(`tables.done.${action}`))
          },
        }),
      )
    : []
  const buttons: ButtonSpec[] = [
    {
      label: t('toolbar.bold'),
      glyph: 'B',
      pressed: active.bold,
      run: () => chain().toggleMark('bold').run(),
    },
    {
      label: t('toolbar.italic'),
      glyph: 'I',
      pressed: active.italic,
      run: () => chain().toggleMark('italic').run(),
    },
    ...LEVELS.map((level, i) => ({
      label: t('toolbar.heading', { level }),
      glyph: `H${level}`,
      pressed: active.headings[i] ?? false,
      run: () => chain().toggleNode('heading', 'paragraph', { level }).run(),
    })),
    {
      label: t('toolbar.bulletList'),
      glyph: <ListIcon kind="bulletList" />,
      pressed: active.bulletList,
      run: () => chain().toggleList('bulletList', 'listItem').run(),
    },
    {
      label: t('toolbar.orderedList'),
      glyph: <ListIcon kind="orderedList" />,
      pressed: active.orderedList,
      run: () => chain().toggleList('orderedList', 'listItem').run(),
    },
    {
      label: t('tables.insert'),
      glyph: <InsertIcon kind="table" />,
      disabled: active.inTable,
      groupStart: true,
      run: () => {
        editor.view.focus()
        if (insertTable(editor.state, editor.view.dispatch)) announce(t('tables.done.insert'))
      },
    },
    {
      label: t('footnotes.insert'),
      glyph: <InsertIcon kind="footnote" />,
      run: () => {
        if (chain().insertFootnote().run()) announce(t('footnotes.done'))
      },
    },
    {
      label: t('references.insert'),
      glyph: <InsertIcon kind="reference" />,
      shortcut: {
        text: formatShortcut(REFERENCE_SHORTCUT, mac),
        aria: ariaKeyShortcut(REFERENCE_SHORTCUT, mac),
      },
      run: onReferenceRequest,
    },
    ...tableButtons,
    ...clauseButtons,
  ]

  const moveFocus = (event: KeyboardEvent<HTMLDivElement>) => {
    const count = buttons.length
    const targets: Record<string, number> = {
      ArrowRight: (focused + 1) % count,
      ArrowLeft: (focused + count - 1) % count,
      Home: 0,
      End: count - 1,
    }
    const next = targets[event.key]
    if (next === undefined) return
    event.preventDefault()
    setFocused(next)
    event.currentTarget.querySelectorAll('button')[next]?.focus()
  }

  return (
    <div className="toolbar" role="toolbar" aria-label={t('toolbar.label')} onKeyDown={moveFocus}>
      {buttons.map((button, i) => (
        <Fragment key={button.label}>
          {button.groupStart && <hr className="toolbar-separator" aria-orientation="vertical" />}
          <ToolbarButton
            label={button.label}
            pressed={button.pressed}
            disabled={button.disabled}
            shortcut={button.shortcut}
            onPress={() => {
              setFocused(i)
              button.run()
            }}
            tabIndex={i === focused ? 0 : -1}
          >
            {button.glyph}
          </ToolbarButton>
        </Fragment>
      ))}
    </div>
  )
}
