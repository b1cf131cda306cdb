import { DECISIONS, type Decision, type PublicComment } from '@accord/protocol'
import { type FormEvent, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { consultationsApi } from '../app/api'
import { useAction } from '../app/useAction'
import { FormMessage } from '../ui/FormMessage'
import { LocalTime } from '../ui/LocalTime'

/**
 * One public comment in moderation: who sent it (the name is public only with consent), what
 * it says, and the coordinator's actions: publish, reject with an internal reason (typed
 * in place, no browser dialog) and, once published, the group's decision.
 */
export const PublicCommentCard = ({
  consultationId,
  comment,
  onChanged,
}: {
  consultationId: string
  comment: PublicComment
  onChanged: (comment: PublicComment, said: string) => void
}) => {
  const { t } = useTranslation()
  const ids = { heading: useId(), reason: useId(), decision: useId(), decisionReason: useId() }
  const [rejecting, setRejecting] = useState(false)
  const { busy, error, run } = useAction()
  const clause = comment.clauseNumber ?? '—'

  const moderate = (
    body: Parameters<typeof consultationsApi.moderate>[2],
    said: string,
  ): Promise<boolean> =>
    run(async () => {
      // Sent with the state shown, so another coordinator's work since is not undone unseen.
      const { comment: changed } = await consultationsApi.moderate(consultationId, comment.id, {
        ...body,
        expectedStatus: comment.status,
      })
      onChanged(changed, said)
    })

  const reject = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const reason = String(new FormData(event.currentTarget).get('reason') ?? '')
    void moderate({ status: 'rejected', reason }, t('consultations.rejected', { clause }))
  }

  const decide = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    const decision = DECISIONS.find((d) => d === form.get('decision')) as Decision
    void moderate(
      { disposition: { decision, reason: String(form.get('reason') ?? '') } },
      t('consultations.decided', { clause }),
    )
  }

  return (
    <article className="card public-comment-card" aria-labelledby={ids.heading}>
      <h3 id={ids.heading}>
        {t('consultations.commentOn', { clause })}: {comment.name || t('consultations.erasedName')}
        {comment.organization ? `, ${comment.organization}` : ''}
      </h3>
      <p className="meta">
        {t(`disposition.types.${comment.type}`)} · <LocalTime iso={comment.createdAt} />
        {' · '}
        {comment.publishName ? t('consultations.namePublic') : t('consultations.nameHidden')}
      </p>
      <p className="public-comment-body">{comment.body}</p>
      {comment.proposedChange && (
        <p>
          <strong>{t('consultations.proposedChange')}: </strong>
          <span className="public-comment-body">{comment.proposedChange}</span>
        </p>
      )}
      {comment.status === 'rejected' && comment.rejectionReason && (
        <p>
          <strong>{t('consultations.internalReason')}: </strong>
          {comment.rejectionReason}
        </p>
      )}
      <FormMessage error={error} />
      <div className="form-actions">
        {comment.status !== 'published' && (
          <button
            type="button"
            disabled={busy}
            onClick={() =>
              void moderate({ status: 'published' }, t('consultations.published', { clause }))
            }
          >
            {t('consultations.publish')}
          </button>
        )}
        {comment.status !== 'rejected' && !rejecting && (
          <button
            type="button"
            className="quiet"
            disabled={busy}
            onClick={() => setRejecting(true)}
          >
            {t('consultations.reject')}
          </button>
        )}
      </div>
      {rejecting && (
        <form onSubmit={reject}>
          <div className="field">
            <label htmlFor={ids.reason}>{t('consultations.rejectReason')}</label>
            {/* biome-ignore lint/a11y/noAutofocus: the reason field appears on request; typing goes there */}
            <input id={ids.reason} name="reason" maxLength={2000} autoFocus />
          </div>
          <div className="form-actions">
            <button type="submit" disabled={busy}>
              {t('consultations.confirmReject')}
            </button>
            <button type="button" className="quiet" onClick={() => setRejecting(false)}>
              {t('consultations.cancel')}
            </button>
          </div>
        </form>
      )}
      {comment.disposition && (
        // The decision as recorded, whoever recorded it (the form below keeps what is typed).
        <p className="recorded-decision">
          <strong>{t('consultations.recordedDecision')}: </strong>
          {t(`disposition.decisions.${comment.disposition.decision}`)}
          {comment.disposition.reason ? ` — ${comment.disposition.reason}` : ''}
        </p>
      )}
      {comment.status === 'published' && (
        <form onSubmit={decide} className="decision-form">
          <div className="field">
            <label htmlFor={ids.decision}>{t('consultations.decision')}</label>
            <select
              id={ids.decision}
              name="decision"
              defaultValue={comment.disposition?.decision ?? 'accepted'}
            >
              {DECISIONS.map((d) => (
                <option key={d} value={d}>
                  {t(`disposition.decisions.${d}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={ids.decisionReason}>{t('consultations.decisionReason')}</label>
            <textarea
              id={ids.decisionReason}
              name="reason"
              rows={2}
              maxLength={10_000}
              defaultValue={comment.disposition?.reason ?? ''}
            />
          </div>
          <button type="submit" disabled={busy}>
            {t('consultations.saveDecision')}
          </button>
        </form>
      )}
    </article>
  )
}
