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
import type { ModerationListener } from './useModerationNews'

/**
 * The list with a comment as it now is: in place if it still has the list's status, added
 * in the server's order (oldest first) if it has just come to it, gone if it left it.
 */
const placeHeard = (
  list: PublicComment[],
  heard: PublicComment,
  status: PublicCommentStatus,
): PublicComment[] => {
  const others = list.filter((c) => c.id !== heard.id)
  if (heard.status !== status) return others
  if (others.length < list.length) return list.map((c) => (c.id === heard.id ? heard : c))
  return [...others, heard].sort(
    (a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id),
  )
}

/** A consultation's comments of one status (pending first), for coordinators to moderate. */
export const ModerationList = ({
  consultation,
  onChanged,
  follow,
}: {
  consultation: Consultation
  onChanged: () => void
  /** Hears comments arriving and other coordinators' moderation (see useModerationNews). */
  follow: (listener: ModerationListener) => () => void
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

  // The list as shown, for telling a comment that is new here from one that changed.
  const shown = useRef<PublicComment[] | null>(null)
  shown.current = comments
  useEffect(
    () =>
      follow({
        comment: (consultationId, heard) => {
          if (consultationId !== consultation.id) return
          const known = shown.current?.some((c) => c.id === heard.id) ?? false
          if (!known && heard.status === status && status === 'pending') {
            announce(t('consultations.arrived', { clause: heard.clauseNumber ?? '—' }))
          }
          setComments((list) => list && placeHeard(list, heard, status))
        },
        erased: (consultationId, erased) => {
          if (consultationId !== consultation.id) return
          // Anonymous now: in place where shown; an erasure moves no comment between lists.
          const now = new Map(erased.map((c) => [c.id, c]))
          setComments((list) => (list ? list.map((c) => now.get(c.id) ?? c) : list))
        },
        reconnected: load,
      }),
    [follow, consultation.id, status, load, announce, t],
  )

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
