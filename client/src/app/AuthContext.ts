import type { User } from '@accord/protocol'
import { createContext } from 'react'

export interface Auth {
  /** The signed-in account, or null for a visitor. */
  user: User | null
  /** Replaces the signed-in account (after sign-in, setup, invitation or a profile change). */
  setUser: (user: User | null) => void
  /** Ends the session on the server and forgets the account here. */
  signOut: () => Promise<void>
}

export const AuthContext = createContext<Auth | null>(null)
