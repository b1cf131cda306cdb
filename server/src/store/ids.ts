import { createHash, randomBytes } from 'node:crypto'

/** A new random URL-safe id (96 bits). */
export const newId = (): string => randomBytes(12).toString('base64url')

/** A new secret token for cookies and links (256 bits). */
export const newToken = (): string => randomBytes(32).toString('base64url')

/** Tokens are stored hashed, so a copy of the database cannot be used to sign in. */
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex')

export const nowIso = (): string => new Date().toISOString()
