import { parse, serialize } from 'cookie'

export const SESSION_COOKIE = 'accord_session'

/** The session token from a Cookie header, if any. */
export const readSessionCookie = (cookieHeader: string | undefined): string | undefined =>
  cookieHeader ? parse(cookieHeader)[SESSION_COOKIE] : undefined

/** HttpOnly and SameSite=Lax always; Secure when browsers reach us over HTTPS. */
export const sessionCookie = (token: string, maxAgeMs: number, secure: boolean): string =>
  serialize(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure,
    path: '/',
    maxAge: Math.floor(maxAgeMs / 1000),
  })

export const clearedSessionCookie = (secure: boolean): string =>
  serialize(SESSION_COOKIE, '', { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge: 0 })
