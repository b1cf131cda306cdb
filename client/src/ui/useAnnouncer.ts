import { useContext } from 'react'
import { AnnouncerContext } from './Announcer'

/** Says something to screen-reader users through the app's polite live region. */
export const useAnnouncer = (): ((message: string) => void) => useContext(AnnouncerContext)
