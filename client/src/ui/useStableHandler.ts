import { useCallback, useLayoutEffect, useRef } from 'react'

/**
 * A function of one identity for the component's life that calls the latest `handler`: an
 * event handler passed to memoized children (a list's rows) that would otherwise be new, and
 * redraw them all, on every render.
 */
export const useStableHandler = <A extends unknown[], R>(handler: (...args: A) => R) => {
  const latest = useRef(handler)
  useLayoutEffect(() => {
    latest.current = handler
  })
  return useCallback((...args: A) => latest.current(...args), [])
}
