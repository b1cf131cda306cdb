import type { DocumentInfo } from '@accord/protocol'
import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { api } from '../../app/api'
import { useErrorMessage } from '../../app/useErrorMessage'
import { rememberedDocuments } from '../../offline/offlineMemory'
import { isUnreachable } from '../../offline/unreachable'
import { byLastActivity } from './byLastActivity'

/** How often an open list asks for changes (new documents, renames, activity) by others. */
const REFRESH_MS = 5000

export interface DocumentList {
  /** Null until the first answer arrives. */
  documents: DocumentInfo[] | null
  error: string | null
  /** Puts a renamed document in its place in the list. */
  upsert: (changed: DocumentInfo) => void
}

/** The documents whose title contains `query`, most recently changed first, kept current. */
export const useDocuments = (query: string): DocumentList => {
  const { t } = useTranslation()
  const errorMessage = useErrorMessage()
  const [documents, setDocuments] = useState<DocumentInfo[] | null>(null)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    let current = true
    const load = () =>
      api
        .documents(query)
        .then((answer) => {
          if (!current) return
          setDocuments(answer.documents.toSorted(byLastActivity))
          setError(null)
        })
        .catch((failure: unknown) => {
          if (!current) return
          if (!isUnreachable(failure)) return setError(errorMessage(failure))
          // Offline: the documents opened on this device, which open from its copy.
          const needle = query.toLocaleLowerCase()
          setDocuments(
            (shown) =>
              shown ??
              rememberedDocuments()
                .filter((document) => document.title.toLocaleLowerCase().includes(needle))
                .toSorted(byLastActivity),
          )
          setError(t('documents.offline'))
        })
    // A hidden tab does not poll; it catches up as soon as it is shown again.
    const loadIfVisible = () => {
      if (document.visibilityState === 'visible') void load()
    }
    void load()
    const timer = setInterval(loadIfVisible, REFRESH_MS)
    document.addEventListener('visibilitychange', loadIfVisible)
    return () => {
      current = false
      clearInterval(timer)
      document.removeEventListener('visibilitychange', loadIfVisible)
    }
  }, [query, errorMessage, t])

  const upsert = useCallback((changed: DocumentInfo) => {
    setDocuments((list) =>
      [changed, ...(list ?? []).filter((other) => other.id !== changed.id)].toSorted(
        byLastActivity,
      ),
    )
  }, [])

  return { documents, error, upsert }
}
