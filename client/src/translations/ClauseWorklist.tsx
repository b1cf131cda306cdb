import { labelReferences } from '@accord/diff'
import type { AlignedClause, DocumentLanguage, GlossaryEntry } from '@accord/protocol'
import { type ClauseLabelStyle, formatClauseLabel, referenceTarget } from '@accord/schema'
import { memo, useId, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { ariaKeyShortcut } from '../editor/formatShortcut'
import { SourceDiff } from './SourceDiff'
import { MARK_TRANSLATED_SHORTCUT } from './translationShortcuts'

interface ClauseWorklistProps {
  clauses: readonly AlignedClause[]
  glossary: ReadonlyMap<string, GlossaryEntry>
  targetLanguage: DocumentLanguage
  onlyOutdated: boolean
  onOnlyOutdated: (only: boolean) => void
  /** Labels as the source shows them. */
  language: DocumentLanguage
  labelStyle: ClauseLabelStyle
  canMark: boolean
  onGoTo: (clauseId: string) => void
  onMark: (clauseId: string) => void
}

/**
 * One row per clause in source order: its state against the source, what changed in the
 * source since it was translated, and the buttons to go there and to mark it translated.
 */
export const ClauseWorklist = ({
  clauses,
  glossary,
  targetLanguage,
  onlyOutdated,
  onOnlyOutdated,
  language,
  labelStyle,
  canMark,
  onGoTo,
  onMark,
}: ClauseWorklistProps) => {
  const { t } = useTranslation()
  const headingId = useId()
  const filterId = useId()
  const shown = onlyOutdated ? clauses.filter((c) => c.state === 'outdated') : clauses
  // The compared texts name a reference's target by id; here it reads as the source labels it.
  // Kept while the numbering is the same, so that the rows whose clause did not change are not redrawn.
  const numbering = JSON.stringify(clauses.map((c) => [c.clauseId, c.number]))
  const readable = useMemo(() => {
    const numbers = new Map(JSON.parse(numbering) as [string, string][])
    return (text: string) =>
      labelReferences(text, (id) => referenceTarget(numbers, id, labelStyle, language).label)
  }, [numbering, labelStyle, language])
  return (
    <section className="clause-worklist" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('translations.worklistHeading')}</h2>
      <div className="field field-inline">
        <input
          id={filterId}
          type="checkbox"
          checked={onlyOutdated}
          onChange={(event) => onOnlyOutdated(event.target.checked)}
        />
        <label htmlFor={filterId}>{t('translations.onlyOutdated')}</label>
      </div>
      {shown.length === 0 && <p>{t('translations.nothingOutdated')}</p>}
      <ol>
        {shown.map((clause) => (
          <WorklistRow
            key={clause.clauseId}
            clause={clause}
            readable={readable}
            glossary={glossary}
            targetLanguage={targetLanguage}
            language={language}
            labelStyle={labelStyle}
            canMark={canMark}
            onGoTo={onGoTo}
            onMark={onMark}
          />
        ))}
      </ol>
    </section>
  )
}

interface WorklistRowProps {
  clause: AlignedClause
  /** A text with its references labelled as the source labels them. */
  readable: (text: string) => string
  glossary: ReadonlyMap<string, GlossaryEntry>
  targetLanguage: DocumentLanguage
  language: DocumentLanguage
  labelStyle: ClauseLabelStyle
  canMark: boolean
  onGoTo: (clauseId: string) => void
  onMark: (clauseId: string) => void
}

/** One clause's row; memoized, since a keystroke in the source changes one clause of hundreds. */
const WorklistRow = memo(function WorklistRow({
  clause,
  readable,
  glossary,
  targetLanguage,
  language,
  labelStyle,
  canMark,
  onGoTo,
  onMark,
}: WorklistRowProps) {
  const { t } = useTranslation()
  const label = formatClauseLabel(clause.number, labelStyle, language)
  const heading = readable(clause.sourceText.split('\n')[0] ?? '')
  return (
    <li className={`aligned-clause state-${clause.state}`}>
      <p className="aligned-clause-title">
        <strong>{label}</strong> <span lang={language}>{heading}</span>{' '}
        <span className="clause-state">{t(`translations.state.${clause.state}`)}</span>
      </p>
      {clause.terminology && clause.terminology.found.length > 0 && (
        <p className="clause-terms">
          {t('translations.terms')}{' '}
          {clause.terminology.found.map((id, i) => {
            const entry = glossary.get(id)
            return (
              <span key={id}>
                {i > 0 && '; '}
                <span lang={language}>{entry?.terms[language]}</span>
                {' → '}
                <span lang={targetLanguage}>{entry?.terms[targetLanguage] ?? '?'}</span>
              </span>
            )
          })}
        </p>
      )}
      {clause.terminology && clause.terminology.issues.length > 0 && (
        <ul className="clause-terminology">
          {clause.terminology.issues.map((issue) => (
            <li key={`${issue.kind}:${issue.entryId}:${'variant' in issue ? issue.variant : ''}`}>
              <strong>{t('translations.terminology')}</strong>{' '}
              {issue.kind === 'missing'
                ? t('translations.termMissing', { expected: issue.expected })
                : t('translations.termForbidden', {
                    variant: issue.variant,
                    expected: issue.expected ?? '',
                  })}
            </li>
          ))}
        </ul>
      )}
      {clause.sourceDiff && (
        <div lang={language}>
          <SourceDiff
            changes={clause.sourceDiff.map((change) => ({
              ...change,
              text: readable(change.text),
            }))}
          />
        </div>
      )}
      <div className="aligned-clause-actions">
        <button type="button" className="quiet" onClick={() => onGoTo(clause.clauseId)}>
          {t('translations.goTo', { label })}
        </button>
        {canMark && clause.targetText !== null && clause.state !== 'upToDate' && (
          <button
            type="button"
            onClick={() => onMark(clause.clauseId)}
            aria-keyshortcuts={ariaKeyShortcut(MARK_TRANSLATED_SHORTCUT, false)}
          >
            {t('translations.mark', { label })}
          </button>
        )}
      </div>
    </li>
  )
})
