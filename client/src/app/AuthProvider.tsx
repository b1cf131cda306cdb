import type { User } from '@accord/protocol'
import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Progress } from '../ui/Progress'
import { type Auth, AuthContext } from './AuthContext'
import { ApiError, api, onSessionEnded } from './api'
import { useErrorMessage } from './useErrorMessage'

/** `ended`: the server ended the session of the account that was signed in here. */
type Loaded = { user: User | null; ended?: boolean } | { error: unknown } | 'loading'

/** Finds out who is signed in, then provides the account to the whole app. */
export const AuthProvider = ({ children }: { children: ReactNode }) => {
  const { t } = useTranslation()
  const errorMessage = useErrorMessage()
  const [state, setState] = useState<Loaded>('loading')

  const check = useCallback(
    () =>
      api
        .me()
        .then(({ user }) => setState({ user }))
        .catch((error: unknown) => {
          const signedOut = error instanceof ApiError && error.status === 401
          setState(signedOut ? { user: null } : { error })
        }),
    [],
  )
  useEffect(() => {
    void check()
  }, [check])

  // Set while this tab signs out: the server then ends this session's socket too, which is no news.
  const leaving = useRef(false)
  const sessionEnded = useCallback(() => {
    setState((current) => {
      const signedIn = typeof current === 'object' && 'user' in current && current.user !== null
      return { user: null, ended: signedIn && !leaving.current }
    })
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
