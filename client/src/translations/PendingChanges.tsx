import type { DocumentLanguage, StructuralChange } from '@accord/protocol'
import { type ClauseLabelStyle, formatClauseLabel } from '@accord/schema'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { ariaKeyShortcut } from '../editor/formatShortcut'
import { APPLY_STRUCTURE_SHORTCUT } from './translationShortcuts'

interface PendingChangesProps {
  changes: readonly StructuralChange[]
  language: DocumentLanguage
  labelStyle: ClauseLabelStyle
  canApply: boolean
  busy: boolean
  /** Applies the changes named, or all pending ones (undefined). */
  onApply: (ids?: string[]) => void
}

/**
 * Structural changes of the source (clauses added, deleted, moved; a split adds one, a merge
 * deletes one) that the translation has not taken: never applied by themselves, each on
 * request, or all at once.
 */
export const PendingChanges = ({
  changes,
  language,
  labelStyle,
  canApply,
  busy,
  onApply,
}: PendingChangesProps) => {
  const { t } = useTranslation()
  const headingId = useId()
  if (changes.length === 0) return null
  return (
    <section className="pending-changes" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('translations.pendingHeading', { count: changes.length })}</h2>
      <ul>
        {changes.map((change) => {
          const label = formatClauseLabel(change.number, labelStyle, language)
          return (
            <li key={change.id}>
              <span>
                {t(`translations.change.${change.kind}`, { label })}{' '}
                <span lang={language}>{change.heading}</span>
              </span>
              {canApply && (
                <button
                  type="button"
                  className="quiet"
                  disabled={busy}
                  onClick={() => onApply([change.id])}
                >
                  {t('translations.apply', { label })}
                </button>
              )}
            </li>
          )
        })}
      </ul>
      {canApply && (
        <button
          type="button"
          disabled={busy}
          onClick={() => onApply()}
          // No Mod key: the same on a Mac.
          aria-keyshortcuts={ariaKeyShortcut(APPLY_STRUCTURE_SHORTCUT, false)}
        >
          {t('translations.applyAll')}
        </button>
      )}
    </section>
  )
}
