import type { CreateThreadRequest } from '@accord/protocol'
import { atLeast, type CommentThread, Role, type User } from '@accord/protocol'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { TextForm } from './TextForm'
import { type ThreadActions, ThreadCard } from './ThreadCard'
import { ThreadFilter, type ThreadFilterValue } from './ThreadFilter'
import '../../comments/comments.css'

interface CommentsPanelProps {
  user: User
  /** Threads in document order; null while loading. */
  threads: CommentThread[] | null
  /** Thread ids whose words are still in the text. */
  anchoredIds: ReadonlySet<string>
  activeId: string | null
  onActivate: (threadId: string | null) => void
  /** The selection the person chose to comment on, waiting for its first message. */
  draft: Omit<CreateThreadRequest, 'body'> | null
  onCreate: (body: string) => Promise<unknown>
  onCancelDraft: () => void
  actions: ThreadActions
}

const matches = (thread: CommentThread, filter: ThreadFilterValue, userId: string) => {
  if (filter === 'open') return thread.status === 'open'
  if (filter === 'resolved') return thread.status === 'resolved'
  if (filter === 'mine') return thread.messages.some((m) => m.author.id === userId)
  return true
}

/** The clause-by-clause discussion: a new comment on the selection, and every thread. */
export const CommentsPanel = ({
  user,
  threads,
  anchoredIds,
  activeId,
  onActivate,
  draft,
  onCreate,
  onCancelDraft,
  actions,
}: CommentsPanelProps) => {
  const { t } = useTranslation()
  const [filter, setFilter] = useState<ThreadFilterValue>('open')
  const shown = (threads ?? []).filter((thread) => matches(thread, filter, user.id))
  const openCount = (threads ?? []).filter((thread) => thread.status === 'open').length
  const list = useRef<HTMLOListElement>(null)

  useEffect(() => {
    // A highlight clicked in the text brings its thread into view here.
    if (!activeId) return
    list.current
      ?.querySelector(`[data-thread-id="${CSS.escape(activeId)}"]`)
      ?.scrollIntoView({ block: 'nearest', behavior: 'smooth' })
  }, [activeId])

  return (
    <section className="comments-panel" aria-labelledby="comments-heading">
      <h2 id="comments-heading">
        {t('comments.heading')}{' '}
        <span className="count">{t('comments.openCount', { count: openCount })}</span>
      </h2>
      {draft && (
        <div className="comment-draft">
          <blockquote className="comment-quote">{draft.quote}</blockquote>
          <TextForm
            label={t('comments.newLabel')}
            submitLabel={t('comments.post')}
            autoFocus
            onSubmit={onCreate}
            onCancel={onCancelDraft}
            cancelLabel={t('comments.cancel')}
          />
        </div>
      )}
      <ThreadFilter value={filter} onChange={setFilter} />
      {threads === null ? (
        <p role="status">{t('comments.loading')}</p>
      ) : shown.length === 0 ? (
        <p className="empty">{t('comments.none')}</p>
      ) : (
        <ol className="comment-threads" ref={list}>
          {shown.map((thread) => (
            <ThreadCard
              key={thread.id}
              thread={thread}
              anchored={anchoredIds.has(thread.id)}
              active={thread.id === activeId}
              userId={user.id}
              mayResolve={thread.createdBy === user.id || atLeast(user.role, Role.coordinator)}
              actions={actions}
              onActivate={() => onActivate(thread.id)}
            />
          ))}
        </ol>
      )}
    </section>
  )
}
