import type { CreateThreadRequest } from '@accord/protocol'
import { atLeast, type CommentThread, canDecideComments, Role, type User } from '@accord/protocol'
import type { Editor } from '@tiptap/core'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { CommentTyping } from '../../comments/useComments'
import type { CommentsView } from '../../comments/useCommentsView'
import { ClauseDecisionSummary } from './ClauseDecisionSummary'
import { CommentTypeFields } from './CommentTypeFields'
import { CompilationTools } from './CompilationTools'
import { DecisionFilter, type DecisionFilterValue } from './DecisionFilter'
import { TextForm } from './TextForm'
import { type ThreadActions, ThreadCard } from './ThreadCard'
import { ThreadFilter, type ThreadFilterValue } from './ThreadFilter'
import { ViewToggle } from './ViewToggle'
import '../../comments/comments.css'

interface CommentsPanelProps {
  user: User
  documentId: string
  /** For the clause numbers of the per-clause summary. */
  editor: Editor | null
  /** Threads in document order; null while loading. */
  threads: CommentThread[] | null
  /** Thread ids whose words are still in the text. */
  anchoredIds: ReadonlySet<string>
  activeId: string | null
  onActivate: (threadId: string | null) => void
  /** The selection the person chose to comment on, waiting for its first message. */
  draft: Omit<CreateThreadRequest, 'body'> | null
  onCreate: (body: string, mentions: string[], typing: CommentTyping) => Promise<unknown>
  onCancelDraft: () => void
  actions: ThreadActions
  /** Threads beside their words (then not listed here) or listed here. */
  view: CommentsView
  /** Null where there is no room for the margin (a narrow screen): the list only. */
  onView: ((view: CommentsView) => void) | null
  /** The review round open now, if any: the compilation's choice of rounds follows it. */
  openRoundId: string | null
}

const matches = (thread: CommentThread, filter: ThreadFilterValue, userId: string) => {
  if (filter === 'open') return thread.status === 'open'
  if (filter === 'resolved') return thread.status === 'resolved'
  if (filter === 'mine') return thread.messages.some((m) => m.author.id === userId)
  return true
}

const decided = (thread: CommentThread, filter: DecisionFilterValue) =>
  filter === 'any' ||
  (filter === 'undecided' ? !thread.disposition : thread.disposition?.decision === filter)

const NEW_TYPING: CommentTyping = { type: 'general', proposedChange: '' }

/** The clause-by-clause discussion: a new comment on the selection, and every thread. */
export const CommentsPanel = ({
  user,
  documentId,
  editor,
  threads,
  anchoredIds,
  activeId,
  onActivate,
  draft,
  onCreate,
  onCancelDraft,
  actions,
  view,
  onView,
  openRoundId,
}: CommentsPanelProps) => {
  const { t } = useTranslation()
  const [filter, setFilter] = useState<ThreadFilterValue>('open')
  const [decision, setDecision] = useState<DecisionFilterValue>('any')
  const [typing, setTyping] = useState<CommentTyping>(NEW_TYPING)
  const mayDecide = canDecideComments(user.role)
  // Beside the text the margin has the open threads on words; here stay those whose words
  // were removed, which have no place in the margin.
  const shown = (threads ?? []).filter((thread) =>
    view === 'margin'
      ? thread.status === 'open' && !anchoredIds.has(thread.id)
      : matches(thread, filter, user.id) && decided(thread, decision),
  )
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
            withMentions
            onSubmit={async (body, mentions) => {
              await onCreate(body, mentions, typing)
              setTyping(NEW_TYPING)
            }}
            onCancel={onCancelDraft}
            cancelLabel={t('comments.cancel')}
            extra={<CommentTypeFields {...typing} onChange={setTyping} />}
          />
        </div>
      )}
      {onView && <ViewToggle value={view} onChange={onView} />}
      {view === 'margin' ? (
        <p className="hint">{t('comments.margin.note')}</p>
      ) : (
        <>
          <ThreadFilter value={filter} onChange={setFilter} />
          <DecisionFilter value={decision} onChange={setDecision} />
          {threads && <ClauseDecisionSummary threads={threads} editor={editor} />}
        </>
      )}
      {threads === null ? (
        <p role="status">{t('comments.loading')}</p>
      ) : shown.length === 0 ? (
        view === 'list' && <p className="empty">{t('comments.none')}</p>
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
              mayDecide={mayDecide}
              actions={actions}
              onActivate={() => onActivate(thread.id)}
            />
          ))}
        </ol>
      )}
      <CompilationTools documentId={documentId} mayImport={mayDecide} openRoundId={openRoundId} />
    </section>
  )
}
