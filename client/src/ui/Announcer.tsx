import { createContext, type ReactNode, useCallback, useState } from 'react'

export const AnnouncerContext = createContext<(message: string) => void>(() => undefined)

/**
 * One polite live region for the whole app: screen readers hear a collaborator's new
 * comment or a hint without their focus moving.
 */
export const AnnouncerProvider = ({ children }: { children: ReactNode }) => {
  const [message, setMessage] = useState('')
  const announce = useCallback((next: string) => {
    // Clearing first makes a repeated message be read again.
    setMessage('')
    requestAnimationFrame(() => setMessage(next))
  }, [])
  return (
    <AnnouncerContext.Provider value={announce}>
      {children}
      <div className="visually-hidden" aria-live="polite" role="status" data-testid="announcer">
        {message}
      </div>
    </AnnouncerContext.Provider>
  )
}
