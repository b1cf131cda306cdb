import type { Response } from 'express'
import { clearedSessionCookie, sessionCookie } from '../auth/sessionCookie.js'
import type { Config } from '../config.js'

/** Sets a new session's cookie on the response. */
export const setSessionCookie = (config: Config, res: Response, token: string): void => {
  res.append('Set-Cookie', sessionCookie(token, config.sessionMs, isSecure(config)))
}

export const clearSession = (config: Config, res: Response): void => {
  res.append('Set-Cookie', clearedSessionCookie(isSecure(config)))
}

const isSecure = (config: Config) => config.publicOrigin.startsWith('https:')
