import { formatClauseLabel, type OutlineEntry, outlineOfNode } from '@accord/schema'
import type { Editor } from '@tiptap/react'
import { type KeyboardEvent, useId } from 'react'
import { useTranslation } from 'react-i18next'
import { ModalDialog } from '../../ui/ModalDialog'
import { numberingSettings } from '../ClauseNumbering'

/** A clause as the picker lists it: its label and heading. */
export interface PickableClause {
  id: string
  label: string
  heading: string
  level: 1 | 2
}

/** The clauses and sub-clauses of the editor's text, labelled as the text labels them. */
export const pickableClauses = (editor: Editor): PickableClause[] => {
  const { clauseLabel, language } = numberingSettings(editor.state)
  const flat = (entries: readonly OutlineEntry[]): PickableClause[] =>
    entries.flatMap((entry) => [
      {
        id: entry.id,
        label: formatClauseLabel(entry.number, clauseLabel, language),
        heading: entry.heading,
        level: entry.level,
      },
      ...flat(entry.children ?? []),
    ])
  return flat(outlineOfNode(editor.state.doc)).filter((clause) => clause.id !== '')
}

interface ReferencePickerProps {
  /** The clauses to choose from; null while the picker is closed. */
  clauses: readonly PickableClause[] | null
  onPick: (clause: PickableClause) => void
  /** Cancel, Escape or closing the dialog any other way. */
  onCancel: () => void
}

/**
 * Chooses the clause a cross-reference points to: a modal <dialog> listing the clauses, each a
 * button named by its label and heading; the arrow keys, Home and End move between them. The
 * first clause has the focus when it opens (the dialog's first control).
 */
export const ReferencePicker = ({ clauses, onPick, onCancel }: ReferencePickerProps) => {
  const { t } = useTranslation()
  const titleId = useId()
  const hintId = useId()
  const items = clauses ?? []

  const moveFocus = (event: KeyboardEvent<HTMLUListElement>) => {
    const buttons = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('button')]
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement)
    const targets: Record<string, number> = {
      ArrowDown: Math.min(at + 1, buttons.length - 1),
      ArrowUp: Math.max(at - 1, 0),
      Home: 0,
      End: buttons.length - 1,
    }
    const next = targets[event.key]
    if (next === undefined) return
    event.preventDefault()
    buttons[next]?.focus()
  }

  return (
    <ModalDialog
      open={clauses !== null}
      className="confirm-dialog reference-picker"
      labelledBy={titleId}
      describedBy={hintId}
      onCancel={onCancel}
    >
      <h2 id={titleId}>{t('references.pickTitle')}</h2>
      <p id={hintId}>{items.length > 0 ? t('references.pickHint') : t('references.noClauses')}</p>
      {items.length > 0 && (
        <ul className="reference-choices" onKeyDown={moveFocus}>
          {items.map((clause) => (
            <li key={clause.id} className={clause.level === 2 ? 'subclause-choice' : undefined}>
              <button type="button" className="reference-choice" onClick={() => onPick(clause)}>
                <span className="clause-label">{clause.label}</span>
                {clause.heading || t('references.untitled')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="dialog-actions">
        <button type="button" className="quiet" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </ModalDialog>
  )
}
