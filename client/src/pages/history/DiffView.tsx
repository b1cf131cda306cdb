import type { DocumentDiff, TextChange, UnitDiff } from '@accord/diff'
import { useTranslation } from 'react-i18next'

const Changes = ({ changes }: { changes: TextChange[] }) => (
  <>
    {changes.map((change, i) =>
      change.type === 'insert' ? (
        // biome-ignore lint/suspicious/noArrayIndexKey: the list is rebuilt whole, never reordered
        <ins key={i}>{change.text}</ins>
      ) : change.type === 'delete' ? (
        // biome-ignore lint/suspicious/noArrayIndexKey: the list is rebuilt whole, never reordered
        <del key={i}>{change.text}</del>
      ) : (
        // biome-ignore lint/suspicious/noArrayIndexKey: the list is rebuilt whole, never reordered
        <span key={i}>{change.text}</span>
      ),
    )}
  </>
)

const UnitView = ({ unit }: { unit: UnitDiff }) => {
  const { t } = useTranslation()
  const number =
    unit.numberBefore && unit.numberAfter && unit.numberBefore !== unit.numberAfter
      ? `${unit.numberBefore} → ${unit.numberAfter}`
      : (unit.numberAfter ?? unit.numberBefore)
  return (
    <section className={`diff-unit is-${unit.status}`}>
      <h3>
        {unit.kind === 'preface' ? t('history.preface') : t('history.clauseNumber', { number })}{' '}
        {unit.status !== 'unchanged' && (
          <span className="badge">
            {t(`history.status.${unit.status}`)}
            {unit.status === 'moved' && unit.changed ? `, ${t('history.status.changed')}` : ''}
          </span>
        )}
      </h3>
      {unit.heading.length > 0 && (
        <p className="diff-heading">
          <Changes changes={unit.heading} />
        </p>
      )}
      <div className="diff-body">
        <Changes changes={unit.body} />
      </div>
    </section>
  )
}

/**
 * A redline: insertions underlined, deletions struck through (each also in its own colour,
 * never colour alone), with a clause-by-clause summary on top.
 */
export const DiffView = ({ diff, onlyChanges }: { diff: DocumentDiff; onlyChanges: boolean }) => {
  const { t } = useTranslation()
  const units = onlyChanges ? diff.units.filter((u) => u.status !== 'unchanged') : diff.units
  const { summary } = diff
  return (
    <div className="diff">
      <p className="diff-summary" role="status">
        {t('history.summary', {
          added: summary.added,
          removed: summary.removed,
          moved: summary.moved,
          changed: summary.changed,
        })}
      </p>
      {units.length === 0 ? (
        <p className="empty">{t('history.noChanges')}</p>
      ) : (
        units.map((u) => <UnitView key={u.key} unit={u} />)
      )}
    </div>
  )
}
