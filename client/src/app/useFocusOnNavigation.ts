import { type RefObject, useEffect, useRef } from 'react'
import { useLocation } from 'wouter'

/**
 * Moves focus to `target` when the path changes, as a full page load would reset it: keyboard
 * and screen-reader users start at the new page's content instead of where the old one ended.
 */
export const useFocusOnNavigation = (target: RefObject<HTMLElement | null>): void => {
  const [pathname] = useLocation()
  const previous = useRef(pathname)
  useEffect(() => {
    if (previous.current === pathname) return
    previous.current = pathname
    target.current?.focus()
  }, [pathname, target])
}
