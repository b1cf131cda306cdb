import {
  type Consultation,
  PUBLIC_COMMENT_STATUSES,
  type PublicComment,
  type PublicCommentStatus,
} from '@accord/protocol'
import { useCallback, useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { consultationsApi } from '../app/api'
import { useErrorMessage } from '../app/useErrorMessage'
import { Progress } from '../ui/Progress'
import { useAnnouncer } from '../ui/useAnnouncer'
import { PublicCommentCard } from './PublicCommentCard'

/** A consultation's comments of one status (pending first), for coordinators to moderate. */
export const ModerationList = ({
  consultation,
  onChanged,
}: {
  consultation: Consultation
  onChanged: () => void
}) => {
  const { t } = useTranslation()
  const errorMessage = useErrorMessage()
  const announce = useAnnouncer()
  const ids = { heading: useId(), status: useId() }
  const [status, setStatus] = useState<PublicCommentStatus>('pending')
  const [comments, setComments] = useState<PublicComment[] | null>(null)
  const [error, setError] = useState<unknown>(null)
  const headingRef = useRef<HTMLHeadingElement>(null)

  const load = useCallback(() => {
    consultationsApi.comments(consultation.id, status).then((r) => {
      setComments(r.comments)
      setError(null)
    }, setError)
  }, [consultation.id, status])
  useEffect(load, [load])

  return (
    <section className="moderation" aria-labelledby={ids.heading}>
      <h2 id={ids.heading} ref={headingRef} tabIndex={-1}>
        {t('consultations.moderationHeading', { url: consultation.url })}
      </h2>
      <div className="field">
        <label htmlFor={ids.status}>{t('consultations.show')}</label>
        <select
          id={ids.status}
          value={status}
          onChange={(e) => setStatus(e.target.value as PublicCommentStatus)}
        >
          {PUBLIC_COMMENT_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`consultations.status.${s}`)}
            </option>
          ))}
        </select>
      </div>
      {error ? (
        <p role="alert">{errorMessage(error)}</p>
      ) : !comments ? (
        <Progress label={t('app.loading')} />
      ) : comments.length === 0 ? (
        <p>{t('consultations.nothing')}</p>
      ) : (
        comments.map((c) => (
          <PublicCommentCard
            key={c.id}
            consultationId={consultation.id}
            comment={c}
            onChanged={(changed, said) => {
              announce(said)
              // A comment that left this status leaves the list (focus goes to the list's
              // heading, not to the page's start); a decision stays in place.
              setComments((list) =>
                (list ?? [])
                  .map((x) => (x.id === changed.id ? changed : x))
                  .filter((x) => x.status === status),
              )
              if (changed.status !== status) headingRef.current?.focus()
              onChanged()
            }}
          />
        ))
      )}
    </section>
  )
}
