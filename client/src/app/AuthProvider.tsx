import type { User } from '@accord/protocol'
import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { forgetOfflineMemory, rememberAccount, rememberedAccount } from '../offline/offlineMemory'
import { isUnreachable } from '../offline/unreachable'
import { Progress } from '../ui/Progress'
import { type Auth, AuthContext } from './AuthContext'
import { ApiError, api, onSessionEnded } from './api'
import { type AuthState, afterSessionEnded } from './authState'
import { checkSession } from './earlyRequests'
import { useErrorMessage } from './useErrorMessage'

/** Finds out who is signed in, then provides the account to the whole app. */
export const AuthProvider = ({ children }: { children: ReactNode }) => {
  const { t } = useTranslation()
  const errorMessage = useErrorMessage()
  const [state, setState] = useState<AuthState>('loading')

  const check = useCallback(
    () =>
      checkSession()
        .then(({ user }) => setState({ user }))
        .catch((error: unknown) => {
          const signedOut = error instanceof ApiError && error.status === 401
          // On a train: start with the account last signed in here, so documents opened
          // before open from this device's copy. A 401 still signs out.
          const remembered = isUnreachable(error) ? rememberedAccount() : null
          if (remembered) setState({ user: remembered, offline: true })
          else setState(signedOut ? { user: null } : { error })
        }),
    [],
  )
  useEffect(() => {
    void check()
  }, [check])

  const offline = typeof state === 'object' && 'user' in state && state.offline === true
  // Back online: ask the server again, which may also say the session has ended meanwhile.
  useEffect(() => {
    if (!offline) return
    const recheck = () => void check()
    window.addEventListener('online', recheck)
    return () => window.removeEventListener('online', recheck)
  }, [offline, check])

  // Remember the account for an offline start; forget everything once nobody is signed in.
  useEffect(() => {
    if (typeof state !== 'object' || !('user' in state)) return
    if (state.user) rememberAccount(state.user)
    else forgetOfflineMemory()
  }, [state])

  // Set while this tab signs out: the server then ends this session's socket too, which is no news.
  const leaving = useRef(false)
  const sessionEnded = useCallback(() => {
    setState((current) => afterSessionEnded(current, leaving.current))
  }, [])
  useEffect(() => onSessionEnded(sessionEnded), [sessionEnded])

  const setUser = useCallback((user: User | null) => setState({ user }), [])
  const signOut = useCallback(async () => {
    leaving.current = true
    // Forget the account even if the server is unreachable: the person asked to leave.
    await api.signOut().catch(() => undefined)
    setState({ user: null })
    leaving.current = false
  }, [])

  const user = typeof state === 'object' && 'user' in state ? state.user : null
  const endedElsewhere = typeof state === 'object' && 'user' in state && state.ended === true
  const auth = useMemo<Auth>(
    () => ({ user, setUser, signOut, sessionEnded, endedElsewhere }),
    [user, setUser, signOut, sessionEnded, endedElsewhere],
  )

  if (state === 'loading') {
    return <Progress label={t('app.loading')} />
  }
  if ('error' in state) {
    return (
      <div className="page-status" role="alert">
        <p>{errorMessage(state.error)}</p>
        <button
          type="button"
          onClick={() => {
            setState('loading')
            void check()
          }}
        >
          {t('common.retry')}
        </button>
      </div>
    )
  }
  return <AuthContext.Provider value={auth}>{children}</AuthContext.Provider>
}
