import type { Response } from 'express'
import { clearedSessionCookie, sessionCookie } from '../auth/sessionCookie.js'
import type { AppDeps } from './AppDeps.js'

/** Starts a session for a user and sets its cookie on the response. */
export const startSession = async (deps: AppDeps, res: Response, userId: string): Promise<void> => {
  const token = await deps.sessions.create(userId)
  res.append('Set-Cookie', sessionCookie(token, deps.config.sessionMs, isSecure(deps)))
}

export const clearSession = (deps: AppDeps, res: Response): void => {
  res.append('Set-Cookie', clearedSessionCookie(isSecure(deps)))
}

const isSecure = (deps: AppDeps) => deps.config.publicOrigin.startsWith('https:')
