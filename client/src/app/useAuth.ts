import type { User } from '@accord/protocol'
import { useContext } from 'react'
import { type Auth, AuthContext } from './AuthContext'

export const useAuth = (): Auth => {
  const auth = useContext(AuthContext)
  if (!auth) throw new Error('useAuth must be used inside <AuthProvider>')
  return auth
}

/** The signed-in account, for components that only render inside <SignedIn>. */
export const useUser = (): User => {
  const { user } = useAuth()
  if (!user) throw new Error('useUser must be used inside <SignedIn>')
  return user
}
