import { type Decision, isImportedAuthorId } from '@accord/protocol'
import type { SuggestionSummary } from '@accord/schema'
import type { Editor } from '@tiptap/react'
import { useCallback, useEffect, useId, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { api } from '../app/api'
import { useAction } from '../app/useAction'
import { DispositionForm } from '../panels/comments/DispositionForm'
import { FormMessage } from '../ui/FormMessage'
import { LocalTime } from '../ui/LocalTime'
import './suggestions.css'

type RolloutChoice = 'accept' | 'reject' | 'keep'

/**
 * What the document's event stream said about decisions on suggestions: every decision heard
 * since the stream last (re)connected, by suggestion (null: withdrawn), and which connection
 * that is. Decisions heard win over what a reload read, which may have been read earlier.
 */
export interface SuggestionDecisionNews {
  heard: ReadonlyMap<string, { decision: Decision; reason: string } | null>
  connection: number
}

interface SuggestionsPanelProps {
  documentId: string
  editor: Editor
  suggestions: SuggestionSummary[]
  /** Coordinators and the secretariat (not on a final document): accept, reject, roll out. */
  canDecide: boolean
  /** Comment on a suggestion: its text is selected, then the comment form opens. */
  onComment: () => void
  /** Coordinators and up record a decision with a reason, for the compilation of comments. */
  mayRecordDecision: boolean
  /** Decisions others record, live. */
  decisionNews: SuggestionDecisionNews | null
}

type Recorded = ReadonlyMap<string, { decision: Decision; reason: string }>

/** The decision on record for one suggestion, if any. */
const RecordedDecision = ({ decided }: { decided?: { decision: Decision; reason: string } }) => {
  const { t } = useTranslation()
  if (!decided) return null
  return (
    <p className="suggestion-decision">
      <span className="badge">{t(`disposition.decisions.${decided.decision}`)}</span>{' '}
      {decided.reason}
    </p>
  )
}

/**
 * The decisions on record for a document's suggestions, reloaded when the suggestions change,
 * and kept current with the decisions heard on the event stream.
 */
const useRecordedDecisions = (
  documentId: string,
  ids: string,
  news: SuggestionDecisionNews | null,
) => {
  const [read, setRead] = useState<Recorded>(new Map())
  const reload = useCallback(async () => {
    const { rows } = await api.compilation(documentId)
    setRead(
      new Map(
        rows.flatMap((row) =>
          row.source === 'suggestion' && row.decision
            ? [[row.id, { decision: row.decision, reason: row.reason }] as const]
            : [],
        ),
      ),
    )
  }, [documentId])
  // Read again when the suggestions change and when the stream reconnects (some news missed).
  const connection = news?.connection ?? 0
  useEffect(() => {
    if (ids !== '' || connection > 0) void reload().catch(() => undefined)
  }, [reload, ids, connection])
  const heard = news?.heard
  const recorded = useMemo<Recorded>(() => {
    if (!heard || heard.size === 0) return read
    const merged = new Map(read)
    for (const [id, disposition] of heard) {
      if (disposition) merged.set(id, disposition)
      else merged.delete(id)
    }
    return merged
  }, [read, heard])
  return { recorded, reload }
}

/**
 * Every suggestion in document order with its author, time, clause and a before/after
 * preview. Deciders accept or reject one, a clause's, an author's or all of them, and roll
 * a chosen set into a named version. Each decision is made by the server as an ordinary
 * change, so everyone sees it at once.
 */
export const SuggestionsPanel = ({
  documentId,
  editor,
  suggestions,
  canDecide,
  onComment,
  mayRecordDecision,
  decisionNews,
}: SuggestionsPanelProps) => {
  const { t } = useTranslation()
  const headingId = useId()
  const scopeId = useId()
  const nameId = useId()
  const { busy, error, run } = useAction()
  const [done, setDone] = useState<string | null>(null)
  const [scope, setScope] = useState('all')
  const [rollout, setRollout] = useState<Record<string, RolloutChoice>>({})
  const [versionName, setVersionName] = useState('')
  const { recorded, reload } = useRecordedDecisions(
    documentId,
    suggestions.map((s) => s.id).join(' '),
    decisionNews,
  )

  const authors = [...new Map(suggestions.map((s) => [s.authorId, s.authorName])).entries()]
  const clauses = [
    ...new Map(
      suggestions.flatMap((s) => (s.clauseId ? [[s.clauseId, s.clauseNumber ?? '']] : [])),
    ).entries(),
  ]

  const select = (s: SuggestionSummary) => {
    editor.chain().focus().setTextSelection({ from: s.from, to: s.to }).scrollIntoView().run()
  }
  const decide = (decision: 'accept' | 'reject', body: Record<string, unknown>) =>
    run(async () => {
      setDone(null)
      const answer = await api.decideSuggestions(documentId, { decision, ...body })
      setDone(
        t(decision === 'accept' ? 'suggestions.acceptedCount' : 'suggestions.rejectedCount', {
          count: answer.resolved.length,
        }),
      )
    })
  const scopeBody = (): Record<string, unknown> => {
    if (scope.startsWith('clause:')) return { clauseId: scope.slice('clause:'.length) }
    if (scope.startsWith('author:')) return { authorId: scope.slice('author:'.length) }
    return { all: true }
  }
  const choiceOf = (id: string): RolloutChoice => rollout[id] ?? 'keep'
  const rollOut = () =>
    run(async () => {
      setDone(null)
      const ids = suggestions.map((s) => s.id)
      const answer = await api.rollout(documentId, {
        name: versionName.trim(),
        accept: ids.filter((id) => choiceOf(id) === 'accept'),
        reject: ids.filter((id) => choiceOf(id) === 'reject'),
      })
      setRollout({})
      setVersionName('')
      setDone(
        t('suggestions.rolledOut', {
          name: answer.version.name,
          accepted: answer.accepted.length,
          rejected: answer.rejected.length,
          kept: answer.carriedOver.length,
        }),
      )
    })

  return (
    <section className="suggestions-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('suggestions.heading', { count: suggestions.length })}</h2>
      {suggestions.length === 0 && <p className="quiet-text">{t('suggestions.none')}</p>}
      {canDecide && suggestions.length > 0 && (
        <div className="suggestions-bulk">
          <label htmlFor={scopeId}>{t('suggestions.scope')}</label>
          <select id={scopeId} value={scope} onChange={(e) => setScope(e.target.value)}>
            <option value="all">{t('suggestions.scopeAll')}</option>
            {clauses.map(([id, number]) => (
              <option key={id} value={`clause:${id}`}>
                {t('suggestions.scopeClause', { number })}
              </option>
            ))}
            {authors.map(([id, name]) => (
              <option key={id} value={`author:${id}`}>
                {t('suggestions.scopeAuthor', { name })}
              </option>
            ))}
          </select>
          <button type="button" disabled={busy} onClick={() => decide('accept', scopeBody())}>
            {t('suggestions.acceptScope')}
          </button>
          <button type="button" disabled={busy} onClick={() => decide('reject', scopeBody())}>
            {t('suggestions.rejectScope')}
          </button>
        </div>
      )}
      <FormMessage error={error} success={done} />
      <ol className="suggestion-list">
        {suggestions.map((s) => (
          <li key={s.id} className="suggestion-card" data-suggestion-id={s.id}>
            <p className="suggestion-meta">
              <strong>{t(`suggestions.kind.${s.block ? 'block' : 'inline'}.${s.kind}`)}</strong>
              {' · '}
              {s.clauseNumber
                ? t('suggestions.inClause', { number: s.clauseNumber })
                : t('suggestions.outsideClauses')}
              <br />
              <span>{s.authorName}</span>
              {isImportedAuthorId(s.authorId) && ` · ${t('suggestions.imported')}`}
              {s.at && (
                <>
                  {' · '}
                  <LocalTime iso={s.at} />
                </>
              )}
            </p>
            <RecordedDecision decided={recorded.get(s.id)} />
            <dl className="suggestion-preview">
              {s.deleted !== '' && (
                <>
                  <dt>{t('suggestions.before')}</dt>
                  <dd>
                    <span className="quiet-text">{s.context && `…${s.context}`}</span>
                    <del>{s.deleted}</del>
                  </dd>
                </>
              )}
              {s.inserted !== '' && (
                <>
                  <dt>{t('suggestions.after')}</dt>
                  <dd>
                    <span className="quiet-text">{s.context && `…${s.context}`}</span>
                    <ins>{s.inserted}</ins>
                  </dd>
                </>
              )}
            </dl>
            <div className="suggestion-actions">
              <button type="button" className="quiet" onClick={() => select(s)}>
                {t('suggestions.show')}
              </button>
              <button
                type="button"
                className="quiet"
                onClick={() => {
                  select(s)
                  onComment()
                }}
              >
                {t('suggestions.comment')}
              </button>
              {canDecide && (
                <>
                  <button
                    type="button"
                    disabled={busy}
                    aria-label={t('suggestions.acceptOne', { name: s.authorName })}
                    onClick={() => decide('accept', { ids: [s.id] })}
                  >
                    {t('suggestions.accept')}
                  </button>
                  <button
                    type="button"
                    disabled={busy}
                    aria-label={t('suggestions.rejectOne', { name: s.authorName })}
                    onClick={() => decide('reject', { ids: [s.id] })}
                  >
                    {t('suggestions.reject')}
                  </button>
                  <label className="suggestion-rollout">
                    {t('suggestions.inRollout')}{' '}
                    <select
                      value={choiceOf(s.id)}
                      onChange={(e) =>
                        setRollout((old) => ({ ...old, [s.id]: e.target.value as RolloutChoice }))
                      }
                    >
                      <option value="keep">{t('suggestions.rolloutKeep')}</option>
                      <option value="accept">{t('suggestions.rolloutAccept')}</option>
                      <option value="reject">{t('suggestions.rolloutReject')}</option>
                    </select>
                  </label>
                </>
              )}
            </div>
            {mayRecordDecision && (
              <details className="disposition-details">
                <summary>{t('disposition.decisionLabel')}</summary>
                <DispositionForm
                  key={`${recorded.get(s.id)?.decision}:${recorded.get(s.id)?.reason}`}
                  disposition={recorded.get(s.id) ?? null}
                  onDecide={async (value) => {
                    await api.decideSuggestion(documentId, s.id, value)
                    await reload()
                  }}
                />
              </details>
            )}
          </li>
        ))}
      </ol>
      {canDecide && suggestions.length > 0 && (
        <form
          className="suggestions-rollout"
          onSubmit={(e) => {
            e.preventDefault()
            if (versionName.trim() !== '') void rollOut()
          }}
        >
          <label htmlFor={nameId}>{t('suggestions.rolloutName')}</label>
          <input
            id={nameId}
            value={versionName}
            required
            maxLength={200}
            onChange={(e) => setVersionName(e.target.value)}
          />
          <button type="submit" disabled={busy}>
            {t('suggestions.rolloutSubmit')}
          </button>
        </form>
      )}
    </section>
  )
}
