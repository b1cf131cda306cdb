import { useCallback, useEffect, useState } from 'react'

/** Threads beside their words, or one list with filters. */
export type CommentsView = 'margin' | 'list'

const keyFor = (userId: string) => `accord.commentsView.${userId}`

const stored = (userId: string): CommentsView => {
  try {
    return localStorage.getItem(keyFor(userId)) === 'list' ? 'list' : 'margin'
  } catch {
    // Storage refused (a private window's policy): the margin, as for a first visit.
    return 'margin'
  }
}

// Below this width the text takes the whole row: there is no margin beside it.
const WIDE = '(min-width: 64rem)'

const useWide = (): boolean => {
  const [wide, setWide] = useState(() => window.matchMedia(WIDE).matches)
  useEffect(() => {
    const query = window.matchMedia(WIDE)
    const onChange = () => setWide(query.matches)
    query.addEventListener('change', onChange)
    return () => query.removeEventListener('change', onChange)
  }, [])
  return wide
}

/**
 * The comments view this person chose, remembered in this browser per person. `shown` is the
 * view in effect: their choice, or the list on a narrow screen, where the text has no margin.
 */
export const useCommentsView = (
  userId: string,
): {
  shown: CommentsView
  /** False on a narrow screen: there is no choice to offer. */
  wide: boolean
  choose: (view: CommentsView) => void
} => {
  const [chosen, setChosen] = useState<CommentsView>(() => stored(userId))
  const wide = useWide()
  const choose = useCallback(
    (view: CommentsView) => {
      setChosen(view)
      try {
        localStorage.setItem(keyFor(userId), view)
      } catch {
        // Not remembered; the choice holds for this visit.
      }
    },
    [userId],
  )
  return { shown: wide ? chosen : 'list', wide, choose }
}
