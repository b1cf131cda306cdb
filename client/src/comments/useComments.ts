import type {
  CommentThread,
  CommentType,
  CreateThreadRequest,
  DispositionRequest,
  DocumentEvent,
} from '@accord/protocol'
import { clauseAround } from '@accord/schema'
import type { Editor } from '@tiptap/core'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { api } from '../app/api'
import { anchorFromRange } from './anchors'
import { commentHighlightsKey } from './CommentHighlights'
import { threadRange } from './threadRange'
import { useCommentThreads } from './useCommentThreads'

export interface Comments {
  /** Threads in document order (removed text last); null while loading. */
  threads: CommentThread[] | null
  anchoredIds: ReadonlySet<string>
  activeId: string | null
  setActiveId: (threadId: string | null) => void
  draft: Omit<CreateThreadRequest, 'body'> | null
  /** Starts a comment on the editor's selection; false when nothing is selected. */
  startComment: () => boolean
  cancelDraft: () => void
  create: (body: string, mentions: string[], typing?: CommentTyping) => Promise<void>
  reply: (threadId: string, body: string, mentions: string[]) => Promise<void>
  setStatus: (threadId: string, status: 'open' | 'resolved') => Promise<void>
  /** Records or withdraws (null) the decision on a thread (coordinators and up). */
  decide: (threadId: string, disposition: DispositionRequest | null) => Promise<void>
  editMessage: (threadId: string, messageId: string, body: string) => Promise<void>
  deleteMessage: (threadId: string, messageId: string) => Promise<void>
  jumpTo: (threadId: string) => void
  /** Feed for the document's event stream. */
  onEvent: (event: DocumentEvent) => void
  onReconnect: () => void
  /** Open threads per clause id, for the outline. */
  openByClause: ReadonlyMap<string, number>
}

/** What kind of comment a new thread is, and the words it proposes instead. */
export interface CommentTyping {
  type: CommentType
  proposedChange: string
}

interface ThreadLayout {
  ordered: CommentThread[] | null
  anchoredIds: ReadonlySet<string>
}

/** Threads in document order (removed text last), and which still have their words. */
const layoutOf = (threads: CommentThread[] | null, editor: Editor | null): ThreadLayout => {
  if (!threads || !editor || editor.isDestroyed) {
    return { ordered: threads, anchoredIds: new Set<string>() }
  }
  const positions = new Map(threads.map((t) => [t.id, threadRange(editor.state, t)?.from ?? null]))
  const anchored = new Set(threads.filter((t) => positions.get(t.id) !== null).map((t) => t.id))
  const sorted = [...threads].sort((a, b) => {
    const pa = positions.get(a.id) ?? Number.POSITIVE_INFINITY
    const pb = positions.get(b.id) ?? Number.POSITIVE_INFINITY
    return pa - pb || a.createdAt.localeCompare(b.createdAt)
  })
  return { ordered: sorted, anchoredIds: anchored }
}

/** The old layout when the new one says the same. */
const sameLayout = (old: ThreadLayout, next: ThreadLayout): ThreadLayout => {
  const same =
    (old.ordered === null) === (next.ordered === null) &&
    old.ordered?.length === next.ordered?.length &&
    (old.ordered ?? []).every((thread, i) => thread === next.ordered?.[i]) &&
    old.anchoredIds.size === next.anchoredIds.size &&
    [...next.anchoredIds].every((id) => old.anchoredIds.has(id))
  return same ? old : next
}

/** Everything the comments panel and the text's highlights need, for one document. */
export const useComments = (documentId: string, editor: Editor | null): Comments => {
  const { threads, upsert, remove, onEvent, reload } = useCommentThreads(documentId)
  const [activeId, setActiveId] = useState<string | null>(null)
  const [draft, setDraft] = useState<Omit<CreateThreadRequest, 'body'> | null>(null)
  // Bumped when an edit changed the order or which threads still have their words.
  const [textVersion, setTextVersion] = useState(0)
  const layout = useMemo(() => {
    void textVersion
    return layoutOf(threads, editor)
  }, [threads, editor, textVersion])
  const shown = useRef(layout)
  shown.current = layout
  const latestThreads = useRef(threads)
  latestThreads.current = threads

  // Read again at most once a frame after an edit, and the page is drawn again only when the
  // order or the anchoring changed: typing alone re-renders nothing here. Subscribed once per
  // editor and reading the latest threads: re-subscribing when the threads change would drop
  // a check an edit had just asked for (the moved text arriving as its thread is re-anchored).
  useEffect(() => {
    if (!editor) return
    let frame = 0
    const onUpdate = () => {
      if (!latestThreads.current?.length) return
      cancelAnimationFrame(frame)
      frame = requestAnimationFrame(() => {
        if (sameLayout(shown.current, layoutOf(latestThreads.current, editor)) !== shown.current) {
          setTextVersion((v) => v + 1)
        }
      })
    }
    editor.on('update', onUpdate)
    return () => {
      cancelAnimationFrame(frame)
      editor.off('update', onUpdate)
    }
  }, [editor])

  // The highlights plugin draws what this hook knows. Not sent when it draws that already
  // (no threads yet, none at all): any transaction costs a walk of the whole text, as the
  // Yjs binding compares it with its copy.
  useEffect(() => {
    if (!editor || editor.isDestroyed) return
    const next = threads ?? []
    const drawn = commentHighlightsKey.getState(editor.state)
    const same =
      drawn?.activeId === activeId &&
      (drawn.threads === next || (drawn.threads.length === 0 && next.length === 0))
    if (same) return
    editor.view.dispatch(editor.state.tr.setMeta(commentHighlightsKey, { threads: next, activeId }))
  }, [editor, threads, activeId])
  const { ordered, anchoredIds } = layout

  const openByClause = useMemo(() => {
    const counts = new Map<string, number>()
    for (const thread of threads ?? []) {
      if (thread.status === 'open' && thread.clauseId) {
        counts.set(thread.clauseId, (counts.get(thread.clauseId) ?? 0) + 1)
      }
    }
    return counts
  }, [threads])

  const startComment = useCallback(() => {
    if (!editor) return false
    const { from, to, empty } = editor.state.selection
    if (empty) return false
    const anchor = anchorFromRange(editor.state, from, to)
    if (!anchor) return false
    setDraft({
      quote: editor.state.doc.textBetween(from, to, ' ').slice(0, 2000),
      anchor,
      clauseId:
        (clauseAround(editor.state.doc.resolve(from))?.node.attrs.id as string | undefined) ?? null,
    })
    return true
  }, [editor])

  const jumpTo = useCallback(
    (threadId: string) => {
      const thread = threads?.find((t) => t.id === threadId)
      const range = editor && thread ? threadRange(editor.state, thread) : null
      if (!editor || !range) return
      editor.chain().focus().setTextSelection(range).scrollIntoView().run()
    },
    [editor, threads],
  )

  return {
    threads: ordered,
    anchoredIds,
    activeId,
    setActiveId,
    draft,
    startComment,
    cancelDraft: () => setDraft(null),
    create: async (body, mentions, typing) => {
      if (!draft) return
      const { thread } = await api.createThread(documentId, {
        ...draft,
        body,
        mentions,
        ...(typing
          ? { type: typing.type, proposedChange: typing.proposedChange.trim() || null }
          : {}),
      })
      upsert(thread)
      setDraft(null)
      setActiveId(thread.id)
    },
    reply: async (threadId, body, mentions) =>
      upsert((await api.reply(documentId, threadId, body, mentions)).thread),
    setStatus: async (threadId, status) =>
      upsert((await api.setThreadStatus(documentId, threadId, status)).thread),
    decide: async (threadId, disposition) =>
      upsert((await api.decideThread(documentId, threadId, disposition)).thread),
    editMessage: async (threadId, messageId, body) =>
      upsert((await api.editMessage(documentId, threadId, messageId, body)).thread),
    deleteMessage: async (threadId, messageId) => {
      const answer = await api.deleteMessage(documentId, threadId, messageId)
      if (answer) upsert(answer.thread)
      else remove(threadId)
    },
    jumpTo,
    onEvent,
    onReconnect: reload,
    openByClause,
  }
}
