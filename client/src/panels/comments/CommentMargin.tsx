import { atLeast, type CommentThread, canDecideComments, Role, type User } from '@accord/protocol'
import type { Editor } from '@tiptap/core'
import { type KeyboardEvent, useMemo, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { useMarginLayout } from '../../comments/useMarginLayout'
import { type ThreadActions, ThreadCard } from './ThreadCard'
import '../../comments/comments.css'

interface CommentMarginProps {
  editor: Editor | null
  user: User
  /** Threads in document order. */
  threads: readonly CommentThread[]
  anchoredIds: ReadonlySet<string>
  activeId: string | null
  onActivate: (threadId: string | null) => void
  actions: ThreadActions
  /** Escape in a card: back to the text. */
  onLeave: () => void
}

/**
 * The open threads beside their words, as in Google Docs and Word: each card at the height
 * of the words it is about, pushed down (or, above the active card, up) so none overlap.
 * Cards are in text order for the keyboard and screen readers; only the threads near the
 * visible text are placed (the list view has all of them).
 */
export const CommentMargin = ({
  editor,
  user,
  threads,
  anchoredIds,
  activeId,
  onActivate,
  actions,
  onLeave,
}: CommentMarginProps) => {
  const { t } = useTranslation()
  const box = useRef<HTMLElement>(null)
  const open = useMemo(
    () => threads.filter((thread) => thread.status === 'open' && anchoredIds.has(thread.id)),
    [threads, anchoredIds],
  )
  const { layout, observe } = useMarginLayout(editor, open, activeId, box)
  const mayDecide = canDecideComments(user.role)
  const leave = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || event.defaultPrevented) return
    event.preventDefault()
    onLeave()
  }

  return (
    <section
      className="comment-margin"
      aria-label={t('comments.margin.label')}
      ref={box}
      onKeyDown={leave}
    >
      <p className="visually-hidden">{t('comments.margin.hint')}</p>
      <ol className="comment-threads">
        {open.map((thread) => {
          const top = layout.get(thread.id)
          if (top === undefined) return null
          return (
            <ThreadCard
              key={thread.id}
              thread={thread}
              anchored
              active={thread.id === activeId}
              userId={user.id}
              mayResolve={thread.createdBy === user.id || atLeast(user.role, Role.coordinator)}
              mayDecide={mayDecide}
              actions={actions}
              onActivate={() => onActivate(thread.id)}
              style={{ top }}
              cardRef={observe}
            />
          )
        })}
      </ol>
    </section>
  )
}
