import {
  changedParagraphs,
  type DocumentDiff,
  type ParagraphHunk,
  splitParagraphs,
  type TextChange,
  type UnitDiff,
} from '@accord/diff'
import { useTranslation } from 'react-i18next'

/** How a comparison is laid out: one redline text, or before and after side by side. */
export type DiffLayout = 'redline' | 'sideBySide'

/** Marks one change (the next/previous change keys move between these). */
const CHANGE = { 'data-change': '', tabIndex: -1 } as const

/** Equal text, with each run of insertions and deletions as one change. */
const Redline = ({ changes }: { changes: TextChange[] }) => {
  const parts: { changed: boolean; changes: TextChange[] }[] = []
  for (const change of changes) {
    const changed = change.type !== 'equal'
    const last = parts.at(-1)
    if (last && last.changed === changed) last.changes.push(change)
    else parts.push({ changed, changes: [change] })
  }
  return (
    <>
      {parts.map((part, i) =>
        part.changed ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the list is rebuilt whole, never reordered
          <span key={i} className="diff-change" {...CHANGE}>
            <Marked changes={part.changes} />
          </span>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: the list is rebuilt whole, never reordered
          <Marked key={i} changes={part.changes} />
        ),
      )}
    </>
  )
}

/** Insertions underlined, deletions struck through (each also in its own colour). */
const Marked = ({ changes }: { changes: TextChange[] }) => (
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

/** One paragraph: as a redline, or as a row of before (deletions) and after (insertions). */
const Paragraph = ({ changes, layout }: { changes: TextChange[]; layout: DiffLayout }) => {
  const { t } = useTranslation()
  if (layout === 'redline') {
    return (
      <p className="diff-paragraph">
        <Redline changes={changes} />
      </p>
    )
  }
  const changed = changes.some((c) => c.type !== 'equal')
  return (
    <div className="diff-row" {...(changed ? CHANGE : {})}>
      <p className="diff-before">
        <span className="visually-hidden">{t('diffView.before')}: </span>
        <Marked changes={changes.filter((c) => c.type !== 'insert')} />
      </p>
      <p className="diff-after">
        <span className="visually-hidden">{t('diffView.after')}: </span>
        <Marked changes={changes.filter((c) => c.type !== 'delete')} />
      </p>
    </div>
  )
}

/** The element id of a unit, for the summary's links. */
const unitId = (key: string) => `diff-unit-${key}`

const useUnitName = () => {
  const { t } = useTranslation()
  return (unit: UnitDiff) => {
    if (unit.kind === 'preface') return t('history.preface')
    const number =
      unit.numberBefore && unit.numberAfter && unit.numberBefore !== unit.numberAfter
        ? `${unit.numberBefore} → ${unit.numberAfter}`
        : (unit.numberAfter ?? unit.numberBefore)
    return t('history.clauseNumber', { number })
  }
}

const useStatusText = () => {
  const { t } = useTranslation()
  return (unit: UnitDiff) =>
    `${t(`history.status.${unit.status}`)}${unit.status === 'moved' && unit.changed ? `, ${t('history.status.changed')}` : ''}`
}

const UnitView = ({
  unit,
  onlyChanges,
  layout,
}: {
  unit: UnitDiff
  onlyChanges: boolean
  layout: DiffLayout
}) => {
  const { t } = useTranslation()
  const unitName = useUnitName()
  const statusText = useStatusText()
  // Only the changes: the changed paragraphs with one on each side; whole clauses otherwise.
  const hunks: ParagraphHunk[] =
    onlyChanges && unit.status !== 'added' && unit.status !== 'removed'
      ? changedParagraphs(unit.body, 1)
      : splitParagraphs(unit.body).map((changes, index) => ({
          kind: 'paragraph',
          index,
          changes,
        }))
  return (
    <section id={unitId(unit.key)} tabIndex={-1} className={`diff-unit is-${unit.status}`}>
      <h3>
        {unitName(unit)}{' '}
        {unit.status !== 'unchanged' && <span className="badge">{statusText(unit)}</span>}
      </h3>
      {unit.heading.length > 0 && (
        <div className="diff-heading">
          <Paragraph changes={unit.heading} layout={layout} />
        </div>
      )}
      <div className="diff-body">
        {hunks.map((hunk) =>
          hunk.kind === 'gap' ? (
            <p key={`gap-${hunk.from}`} className="diff-gap">
              {t('diffView.gap', { count: hunk.count })}
            </p>
          ) : (
            <Paragraph key={hunk.index} changes={hunk.changes} layout={layout} />
          ),
        )}
      </div>
    </section>
  )
}

/**
 * A comparison: a summary with a link to each changed clause, then the clauses as a redline
 * (insertions underlined, deletions struck through, never colour alone) or side by side.
 * Only the changes: changed paragraphs with a paragraph of context on each side.
 */
export const DiffView = ({
  diff,
  onlyChanges,
  layout = 'redline',
}: {
  diff: DocumentDiff
  onlyChanges: boolean
  layout?: DiffLayout
}) => {
  const { t } = useTranslation()
  const unitName = useUnitName()
  const statusText = useStatusText()
  const units = onlyChanges ? diff.units.filter((u) => u.status !== 'unchanged') : diff.units
  const changed = diff.units.filter((u) => u.status !== 'unchanged')
  const { summary } = diff
  return (
    <div className={`diff is-${layout}`}>
      <p className="diff-summary" role="status">
        {t('history.summary', {
          added: summary.added,
          removed: summary.removed,
          moved: summary.moved,
          changed: summary.changed,
        })}
      </p>
      {changed.length > 0 && (
        <nav className="diff-links" aria-label={t('diffView.linksLabel')}>
          <ul>
            {changed.map((unit) => (
              <li key={unit.key}>
                <a
                  href={`#${unitId(unit.key)}`}
                  onClick={(event) => {
                    // In the page, without touching the router's URL.
                    event.preventDefault()
                    const target = document.getElementById(unitId(unit.key))
                    target?.scrollIntoView({ block: 'start' })
                    target?.focus({ preventScroll: true })
                  }}
                >
                  {unitName(unit)}: {statusText(unit)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {layout === 'sideBySide' && (
        <div className="diff-columns" aria-hidden="true">
          <span>{t('diffView.before')}</span>
          <span>{t('diffView.after')}</span>
        </div>
      )}
      {units.length === 0 ? (
        <p className="empty">{t('history.noChanges')}</p>
      ) : (
        units.map((u) => (
          <UnitView key={u.key} unit={u} onlyChanges={onlyChanges} layout={layout} />
        ))
      )}
    </div>
  )
}
