import type { DocumentAuthor, User } from '@accord/protocol'
import type { AnyExtension, Editor } from '@tiptap/core'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import * as Y from 'yjs'
import { historyApi } from '../app/api'
import { useErrorMessage } from '../app/useErrorMessage'
import { AuthorshipHighlights, authorshipKey } from './AuthorshipHighlights'
import type { AuthorLook } from './authorDecorations'
import type { AuthorSpan } from './authorRuns'

const keyFor = (userId: string) => `accord.authorship.${userId}`

const storedOn = (userId: string): boolean => {
  try {
    return localStorage.getItem(keyFor(userId)) === 'on'
  } catch {
    // Storage refused (a private window's policy): off, as for a first visit.
    return false
  }
}

/** Asking the server again for client ids it had not recorded yet: at most this often… */
const REFETCH_AFTER_MS = 3000
/** …and this many times per client id (the server's own text, e.g. an import, has none). */
const ASKS_PER_CLIENT = 2

const fromBase64 = (value: string): Uint8Array =>
  Uint8Array.from(atob(value), (char) => char.charCodeAt(0))

export interface Authorship {
  on: boolean
  toggle: () => void
  /** The version whose later changes are coloured, or null for all the text. */
  since: string | null
  setSince: (versionId: string | null) => void
  /** Switches the colours on, showing what was written since a version. */
  showSince: (versionId: string) => void
  /** The people whose words are coloured now, with their look, in order of appearance. */
  legend: { id: string; look: AuthorLook }[]
  error: string | null
  /** The editor extension, for the editor to be given (one per editor). */
  extension: () => AnyExtension
}

/**
 * Authorship colouring for one document: on or off (remembered in this browser per person),
 * the people the server recorded for each client id, and the legend. This tab's own client
 * id is this person's before the server has recorded it.
 */
export const useAuthorship = (
  documentId: string,
  user: Pick<User, 'id' | 'name' | 'color'>,
  ydoc: Y.Doc | undefined,
  editor: Editor | null,
  /** Tells who wrote the words at the caret (the shortcut), in words for a screen reader. */
  onWhoWrote: (name: string | null) => void,
): Authorship => {
  const [on, setOn] = useState(() => storedOn(user.id))
  const [since, setSince] = useState<string | null>(null)
  const [authors, setAuthors] = useState<DocumentAuthor[]>([])
  // The state vector of the version chosen, with its id: one of an earlier choice is not used.
  const [sinceVector, setSinceVector] = useState<{
    versionId: string
    vector: Map<number, number>
  }>()
  const [shown, setShown] = useState<string[]>([])
  const [error, setError] = useState<string | null>(null)
  const errorMessage = useErrorMessage()
  const lastFetch = useRef(0)
  const asked = useRef(new Map<number, number>())
  const [fetchCount, setFetchCount] = useState(0)

  const turn = useCallback(
    (next: boolean) => {
      setOn(next)
      try {
        localStorage.setItem(keyFor(user.id), next ? 'on' : 'off')
      } catch {
        // Not remembered; the choice holds for this visit.
      }
    },
    [user.id],
  )
  const toggle = useCallback(() => turn(!on), [turn, on])
  const showSince = useCallback(
    (versionId: string) => {
      setSince(versionId)
      turn(true)
    },
    [turn],
  )

  // `fetchCount` asks again (text under a client id not known yet).
  // biome-ignore lint/correctness/useExhaustiveDependencies: fetchCount is the refetch trigger.
  useEffect(() => {
    if (!on) return
    let live = true
    lastFetch.current = Date.now()
    historyApi.authors(documentId, since ?? undefined).then(
      (answer) => {
        if (!live) return
        setError(null)
        setAuthors(answer.authors)
        if (answer.since)
          setSinceVector({
            versionId: answer.since.versionId,
            vector: Y.decodeStateVector(fromBase64(answer.since.stateVector)),
          })
      },
      (failure) => live && setError(errorMessage(failure)),
    )
    return () => {
      live = false
    }
  }, [on, documentId, since, fetchCount, errorMessage])

  const input = useMemo(() => {
    const vector = since && sinceVector?.versionId === since ? sinceVector.vector : undefined
    if (!on || !ydoc || (since && !vector)) return null
    const clients = new Map<number, AuthorSpan[]>()
    const people = new Map<string, AuthorLook>()
    const add = (id: string, name: string, color: string) => {
      if (!people.has(id)) people.set(id, { name, color, style: people.size % 4 })
    }
    for (const author of authors) {
      const spans = clients.get(author.clientId) ?? []
      spans.push({ fromClock: author.fromClock, author: author.user.id })
      clients.set(author.clientId, spans)
      add(author.user.id, author.user.name, author.user.color)
    }
    for (const spans of clients.values()) spans.sort((a, b) => a.fromClock - b.fromClock)
    // This tab's own text, until the server's record of it arrives.
    if (!clients.has(ydoc.clientID)) clients.set(ydoc.clientID, [{ fromClock: 0, author: user.id }])
    add(user.id, user.name, user.color)
    return { clients, people, since: vector }
  }, [on, ydoc, authors, since, sinceVector, user.id, user.name, user.color])

  // Not sent when the plugin has this input already (off, as a page opens): any transaction
  // costs a walk of the whole text, as the Yjs binding compares it with its copy.
  useEffect(() => {
    if (!editor || editor.isDestroyed) return
    if (authorshipKey.getState(editor.state)?.input === input) return
    editor.view.dispatch(
      editor.state.tr.setMeta(authorshipKey, { input }).setMeta('addToHistory', false),
    )
  }, [editor, input])

  const whoWrote = useRef(onWhoWrote)
  whoWrote.current = onWhoWrote
  const handlers = useRef({
    onWhoWrote: (name: string | null) => whoWrote.current(name),
    onUnknown: (clientIds: number[]) => {
      const worth = clientIds.filter((id) => (asked.current.get(id) ?? 0) < ASKS_PER_CLIENT)
      if (worth.length === 0 || Date.now() - lastFetch.current < REFETCH_AFTER_MS) return
      for (const id of worth) asked.current.set(id, (asked.current.get(id) ?? 0) + 1)
      lastFetch.current = Date.now()
      setFetchCount((count) => count + 1)
    },
    onShown: (ids: string[]) =>
      setShown((was) =>
        was.length === ids.length && was.every((id, i) => id === ids[i]) ? was : ids,
      ),
  })
  const extension = useCallback(
    () =>
      AuthorshipHighlights.configure({
        onUnknown: (ids) => handlers.current.onUnknown(ids),
        onShown: (ids) => handlers.current.onShown(ids),
        onWhoWrote: (name) => handlers.current.onWhoWrote(name),
      }),
    [],
  )

  const legend = useMemo(
    () =>
      input
        ? shown.flatMap((id) => {
            const look = input.people.get(id)
            return look ? [{ id, look }] : []
          })
        : [],
    [input, shown],
  )

  return { on, toggle, since, setSince, showSince, legend, error, extension }
}
