import {
  ClauseNode,
  changedRange,
  changedTextblock,
  type DocumentSettings,
  formatClauseLabel,
  type OutlineEntry,
  outlineOfNode,
} from '@accord/schema'
import type { Node as PMNode } from '@tiptap/pm/model'
import { type Editor, useEditorState } from '@tiptap/react'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { numberingSettings } from '../../editor/ClauseNumbering'
import { selectedClause } from '../../editor/clauses/selectedClause'
import { jumpToClause } from './jumpToClause'

interface OutlinePanelProps {
  editor: Editor
  /** Open comment threads per clause id; clauses without any may be missing. */
  openComments: ReadonlyMap<string, number>
}

interface OutlineListProps extends OutlinePanelProps {
  entries: readonly OutlineEntry[]
  settings: DocumentSettings
  /** Id of the clause the cursor is in. */
  currentId: string | null
}

const OutlineList = ({ entries, settings, currentId, editor, openComments }: OutlineListProps) => {
  const { t } = useTranslation()
  return (
    <ol className="outline-list">
      {entries.map((entry) => {
        const count = openComments.get(entry.id) ?? 0
        return (
          <li key={entry.id || entry.number}>
            <button
              type="button"
              className="outline-item"
              aria-current={entry.id === currentId ? 'location' : undefined}
              onClick={() => jumpToClause(editor, entry.id)}
            >
              <span className="outline-text">
                <span className="outline-label">
                  {formatClauseLabel(entry.number, settings.clauseLabel, settings.language)}
                </span>{' '}
                <span className={entry.heading ? 'outline-heading' : 'outline-heading untitled'}>
                  {entry.heading || t('outline.untitled')}
                </span>
              </span>
              {count > 0 && (
                <span className="outline-count">
                  <span aria-hidden="true">{count}</span>
                  <span className="visually-hidden">
                    {', '}
                    {t('outline.openComments', { number: count })}
                  </span>
                </span>
              )}
            </button>
            {entry.children && (
              <OutlineList
                entries={entry.children}
                settings={settings}
                currentId={currentId}
                editor={editor}
                openComments={openComments}
              />
            )}
          </li>
        )
      })}
    </ol>
  )
}

const drawn = new WeakMap<Editor, { doc: PMNode; entries: OutlineEntry[] }>()

/**
 * The outline of the editor's text, kept from the last time when the change since lies
 * inside one textblock other than a heading (typing in a clause's body, here or remotely):
 * that leaves every number and heading as it was, and the long text is not walked again.
 */
const outlineOf = (editor: Editor): OutlineEntry[] => {
  const { doc } = editor.state
  const last = drawn.get(editor)
  if (last?.doc === doc) return last.entries
  const range = last ? changedRange(last.doc, doc) : null
  const block = last && range ? changedTextblock(last.doc, doc, range) : null
  const entries =
    last && (!range || (block && block.type.name !== ClauseNode.heading))
      ? last.entries
      : outlineOfNode(doc)
  drawn.set(editor, { doc, entries })
  return entries
}

/**
 * The document's clauses, numbered and labelled as in the text, live as anyone edits; a
 * click (or Enter) goes to the clause. Shows each clause's open comment count.
 */
export const OutlinePanel = ({ editor, openComments }: OutlinePanelProps) => {
  const { t } = useTranslation()
  const headingId = useId()
  const { entries, settings, currentId } = useEditorState({
    editor,
    selector: ({ editor: current }) => {
      const id = selectedClause(current.state)?.node.attrs.id
      return {
        entries: outlineOf(current),
        settings: numberingSettings(current.state),
        currentId: typeof id === 'string' ? id : null,
      }
    },
  })

  return (
    <nav className="outline" aria-labelledby={headingId} data-testid="outline">
      <h2 id={headingId}>{t('outline.heading')}</h2>
      {entries.length === 0 ? (
        <p className="hint">{t('outline.empty')}</p>
      ) : (
        <OutlineList
          entries={entries}
          settings={settings}
          currentId={currentId}
          editor={editor}
          openComments={openComments}
        />
      )}
    </nav>
  )
}
