import type { ReviewRound } from '@accord/protocol'
import { useCallback, useEffect, useState } from 'react'
import { inboxApi } from '../app/api'

/** The document's open review round (null when there is none), read again on `reload`. */
export const useReviewRound = (documentId: string) => {
  const [round, setRound] = useState<ReviewRound | null>(null)
  const reload = useCallback(() => {
    inboxApi
      .rounds(documentId)
      .then((r) => setRound(r.rounds.find((x) => x.status === 'open') ?? null))
      .catch(() => undefined)
  }, [documentId])
  useEffect(reload, [reload])
  return { round, reload }
}
