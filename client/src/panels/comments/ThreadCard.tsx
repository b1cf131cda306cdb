import { proposedChangeRedline } from '@accord/diff'
import type { CommentThread, DispositionRequest } from '@accord/protocol'
import { type CSSProperties, type Ref, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { DispositionForm } from './DispositionForm'
import { MessageItem } from './MessageItem'
import { ProposedRedline } from './ProposedRedline'
import { TextForm } from './TextForm'

export interface ThreadActions {
  reply: (threadId: string, body: string, mentions: string[]) => Promise<unknown>
  setStatus: (threadId: string, status: 'open' | 'resolved') => Promise<unknown>
  decide: (threadId: string, disposition: DispositionRequest | null) => Promise<unknown>
  editMessage: (threadId: string, messageId: string, body: string) => Promise<unknown>
  deleteMessage: (threadId: string, messageId: string) => Promise<unknown>
  /** Selects the thread's words in the text and scrolls to them. */
  jumpTo: (threadId: string) => void
}

interface ThreadCardProps {
  thread: CommentThread
  /** False when the commented words were deleted: the thread stays readable. */
  anchored: boolean
  active: boolean
  userId: string
  mayResolve: boolean
  /** Coordinators and up record decisions. */
  mayDecide: boolean
  actions: ThreadActions
  onActivate: () => void
  /** In the margin: where the card sits. */
  style?: CSSProperties
  /** In the margin: to measure the card. */
  cardRef?: Ref<HTMLLIElement>
}

/** One discussion: what it is about, its messages, a reply box, resolve or reopen. */
export const ThreadCard = ({
  thread,
  anchored,
  active,
  userId,
  mayResolve,
  mayDecide,
  actions,
  onActivate,
  style,
  cardRef,
}: ThreadCardProps) => {
  const { t } = useTranslation()
  // The reply box opens when asked for: a page of cards, each with an empty box, is noise.
  const [replying, setReplying] = useState(false)
  const replyButton = useRef<HTMLButtonElement>(null)
  const closeReply = () => {
    setReplying(false)
    requestAnimationFrame(() => replyButton.current?.focus())
  }
  const resolved = thread.status === 'resolved'
  const { disposition } = thread
  // Words proposed for the quoted ones: a redline against them.
  const redline = useMemo(
    () => proposedChangeRedline(thread.quote, thread.proposedChange),
    [thread.quote, thread.proposedChange],
  )
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: the keyboard's way is focus (onFocus), which any control in the card gives.
    <li
      ref={cardRef}
      style={style}
      className={`comment-thread${active ? ' is-active' : ''}${resolved ? ' is-resolved' : ''}`}
      data-thread-id={thread.id}
      aria-current={active ? 'true' : undefined}
      // Moving into a card (a click, Tab) makes it the active one: its words light up.
      onFocus={active ? undefined : onActivate}
      onClick={active ? undefined : onActivate}
    >
      <blockquote className="comment-quote">
        {!anchored && <span className="badge">{t('comments.textRemoved')}</span>} {thread.quote}
      </blockquote>
      <div className="comment-thread-actions">
        {anchored && (
          <button
            type="button"
            className="link-button"
            onClick={() => {
              onActivate()
              actions.jumpTo(thread.id)
            }}
          >
            {t('comments.showInText')}
          </button>
        )}
        {resolved && <span className="badge">{t('comments.resolved')}</span>}
        {mayResolve && (
          <button
            type="button"
            className="quiet"
            onClick={() => void actions.setStatus(thread.id, resolved ? 'open' : 'resolved')}
          >
            {resolved ? t('comments.reopen') : t('comments.resolve')}
          </button>
        )}
      </div>
      <p className="comment-typing-line">
        <span className={`badge type-${thread.type}`}>{t(`disposition.types.${thread.type}`)}</span>{' '}
        {disposition ? (
          <span className={`badge decision-${disposition.decision}`}>
            {t(`disposition.decisions.${disposition.decision}`)}
          </span>
        ) : (
          <span className="badge">{t('disposition.undecided')}</span>
        )}
        {thread.submittedBy && (
          <>
            {' '}
            {t('disposition.from', {
              name: [thread.submittedBy.name, thread.submittedBy.organization]
                .filter((part, i, all) => part && all.indexOf(part) === i)
                .join(', '),
            })}
          </>
        )}
      </p>
      {thread.proposedChange && (
        <div className="comment-proposed">
          <p className="label">{t('disposition.proposed')}</p>
          {redline ? <ProposedRedline changes={redline} /> : <p>{thread.proposedChange}</p>}
        </div>
      )}
      {disposition && (disposition.reason || disposition.decidedBy) && (
        <div className="comment-disposition">
          {disposition.reason && <p>{disposition.reason}</p>}
          {disposition.decidedBy && (
            <p className="hint">
              {t('disposition.decidedBy', { name: disposition.decidedBy.name })}
            </p>
          )}
        </div>
      )}
      <ol className="comment-messages">
        {thread.messages.map((message) => (
          <MessageItem
            key={message.id}
            message={message}
            own={message.author.id === userId}
            onEdit={(body) => actions.editMessage(thread.id, message.id, body)}
            onDelete={() => actions.deleteMessage(thread.id, message.id)}
          />
        ))}
      </ol>
      {mayDecide && (
        <details className="disposition-details">
          <summary>{t('disposition.decisionLabel')}</summary>
          <DispositionForm
            key={disposition?.decidedAt ?? 'none'}
            disposition={disposition}
            onDecide={(value) => actions.decide(thread.id, value)}
          />
        </details>
      )}
      {!resolved &&
        (replying ? (
          <TextForm
            label={t('comments.replyLabel')}
            submitLabel={t('comments.reply')}
            autoFocus
            withMentions
            onSubmit={async (body, mentions) => {
              await actions.reply(thread.id, body, mentions)
              closeReply()
            }}
            onCancel={closeReply}
            cancelLabel={t('comments.cancel')}
          />
        ) : (
          <button
            type="button"
            className="quiet"
            ref={replyButton}
            onClick={() => {
              onActivate()
              setReplying(true)
            }}
          >
            {t('comments.startReply')}
          </button>
        ))}
    </li>
  )
}
