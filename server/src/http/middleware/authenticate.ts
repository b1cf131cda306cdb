import type { Request, RequestHandler } from 'express'
import type { Authenticator } from '../../auth/Authenticator.js'
import type { StoredUser } from '../../store/UserStore.js'
import { unauthenticated } from '../HttpError.js'

interface Auth {
  user: StoredUser
  token: string
}

const AUTH = Symbol('auth')
type WithAuth = Request & { [AUTH]?: Auth }

/** Resolves the session cookie (if any) once per request. */
export const authenticate =
  (authenticator: Authenticator): RequestHandler =>
  async (req, _res, next) => {
    const auth = await authenticator.userFromCookie(req.get('cookie'))
    if (auth) (req as WithAuth)[AUTH] = auth
    next()
  }

/** The signed-in user and session token, or a 401. */
export const requireAuth = (req: Request): Auth => {
  const auth = (req as WithAuth)[AUTH]
  if (!auth) throw unauthenticated()
  return auth
}
