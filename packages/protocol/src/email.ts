/**
 * The one form of an e-mail address that accounts are stored, found and throttled by:
 * surrounding whitespace dropped, letters lower-cased. Everything that keys on an address
 * uses this, so " Ann@Example.org" and "ann@example.org" are the same account everywhere.
 */
export const normalizeEmail = (raw: string): string => raw.trim().toLowerCase()
