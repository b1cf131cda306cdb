import type { CommentThread, ReviewRound } from '@accord/protocol'
import { useTranslation } from 'react-i18next'
import { LocalTime } from '../ui/LocalTime'
import './reviewRounds.css'

/** The comments (and replies) one person wrote since a round opened. */
const ownComments = (threads: CommentThread[] | null, userId: string, since: string) =>
  (threads ?? [])
    .flatMap((t) => t.messages)
    .filter((m) => m.author.id === userId && m.createdAt >= since).length

/** For a participant of the open round: its deadline, its instructions, and their own progress. */
export const ReviewRoundBanner = ({
  round,
  userId,
  threads,
  mayClose,
  onClose,
}: {
  round: ReviewRound
  userId: string
  threads: CommentThread[] | null
  mayClose: boolean
  onClose: () => void
}) => {
  const { t } = useTranslation()
  const participant = round.participants === null || round.participants.some((p) => p.id === userId)
  if (!participant && !mayClose) return null
  return (
    <section className="notice review-round" aria-label={t('rounds.heading')}>
      <p>
        {t('rounds.until')} <LocalTime iso={round.deadline} />
      </p>
      {round.instructions && <p>{round.instructions}</p>}
      {participant && (
        <p>{t('rounds.progress', { count: ownComments(threads, userId, round.openedAt) })}</p>
      )}
      {mayClose && (
        <button type="button" className="quiet" onClick={onClose}>
          {t('rounds.close')}
        </button>
      )}
    </section>
  )
}
