import type { User } from '@accord/protocol'
import { createContext } from 'react'

export interface Auth {
  /** The signed-in account, or null for a visitor. */
  user: User | null
  /** Replaces the signed-in account (after sign-in, setup, invitation or a profile change). */
  setUser: (user: User | null) => void
  /** Ends the session on the server and forgets the account here. */
  signOut: () => Promise<void>
  /**
   * The server ended the session (signed out in another tab or browser, password changed or
   * reset, account deactivated, expired): show the sign-in page, saying why.
   */
  sessionEnded: () => void
  /** True on the sign-in page shown after `sessionEnded`, until the next sign-in. */
  endedElsewhere: boolean
}

export const AuthContext = createContext<Auth | null>(null)
