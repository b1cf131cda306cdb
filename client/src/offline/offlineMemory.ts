import type { DocumentInfo, User } from '@accord/protocol'

/**
 * What this browser remembers so that the app can start without a network: the signed-in
 * account and the details of documents opened here. The text itself is in IndexedDB
 * (y-indexeddb); nothing here is sent anywhere. Signing out forgets it all.
 */
const ACCOUNT_KEY = 'accord.offline.account'
const DOCUMENT_PREFIX = 'accord.offline.document.'

const read = <T>(key: string, valid: (value: unknown) => value is T): T | null => {
  try {
    const raw = localStorage.getItem(key)
    const value: unknown = raw === null ? null : JSON.parse(raw)
    return valid(value) ? value : null
  } catch {
    // Storage switched off or an unreadable entry: start as if nothing was remembered.
    return null
  }
}

const write = (key: string, value: unknown): void => {
  try {
    localStorage.setItem(key, JSON.stringify(value))
  } catch {
    // Not remembered on this device: only the offline start is lost.
  }
}

const hasId = (value: unknown): value is { id: string } =>
  typeof value === 'object' && value !== null && typeof (value as { id?: unknown }).id === 'string'

export const rememberAccount = (user: User): void => write(ACCOUNT_KEY, user)

/** The account last signed in here, for starting while the server cannot be reached. */
export const rememberedAccount = (): User | null =>
  read(ACCOUNT_KEY, (value): value is User => hasId(value))

export const rememberDocument = (document: DocumentInfo): void =>
  write(DOCUMENT_PREFIX + document.id, document)

/** The details of a document opened here before, for opening it while offline. */
export const rememberedDocument = (id: string): DocumentInfo | null =>
  read(DOCUMENT_PREFIX + id, (value): value is DocumentInfo => hasId(value) && value.id === id)

/** Every document opened here before, for the documents list while offline. */
export const rememberedDocuments = (): DocumentInfo[] => {
  try {
    return Object.keys(localStorage)
      .filter((key) => key.startsWith(DOCUMENT_PREFIX))
      .map((key) => rememberedDocument(key.slice(DOCUMENT_PREFIX.length)))
      .filter((document) => document !== null)
  } catch {
    return []
  }
}

/** Forgets the account and every document's details (on signing out or a session ended). */
export const forgetOfflineMemory = (): void => {
  try {
    const keys = Object.keys(localStorage).filter(
      (key) => key === ACCOUNT_KEY || key.startsWith(DOCUMENT_PREFIX),
    )
    for (const key of keys) localStorage.removeItem(key)
  } catch {
    // Storage switched off: nothing was remembered.
  }
}
