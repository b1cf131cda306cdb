import type { User } from '@accord/protocol'

/**
 * Who is signed in, as the app knows it. `ended`: the server ended the session of the account
 * that was signed in here (the sign-in page says so). `offline`: the server could not be asked;
 * the account is the one last signed in here.
 */
export type AuthState =
  | { user: User | null; ended?: boolean; offline?: boolean }
  | { error: unknown }
  | 'loading'

/**
 * The state once the server has said the session is gone. It says so more than once (the
 * document's socket closes and a request is refused, in either order): after the first, nobody
 * is signed in, and the later ones are no news, so the first one's notice stays. `leaving`:
 * this tab asked to sign out, so the end is no news either.
 */
export const afterSessionEnded = (current: AuthState, leaving: boolean): AuthState => {
  const known = typeof current === 'object' && 'user' in current
  if (known && current.user === null) return current
  return { user: null, ended: known && !leaving }
}
