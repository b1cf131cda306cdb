import type { DocumentStatus, Role } from './roles.js'

/** Languages the interface and documents are offered in. */
export const LANGUAGES = ['ru', 'en'] as const
export type Language = (typeof LANGUAGES)[number]

/** An account as the API shows it. */
export interface User {
  id: string
  email: string
  name: string
  role: Role
  /** Preferred interface language; null follows the browser. */
  language: Language | null
  active: boolean
  /** Colour of this person's caret and presence badge, derived from the id. */
  color: string
  createdAt: string
}

export interface DocumentInfo {
  id: string
  title: string
  status: DocumentStatus
  createdAt: string
  createdBy: string
  /** Last change to the title, status or text. */
  updatedAt: string
  /** Who moved the document into its current status, and when. */
  statusChangedAt: string
  statusChangedBy: string | null
}

export interface CreatedUser {
  user: User
  /** Present when the account was created without a password: hand it to the person. */
  invitationUrl?: string
}

/** Awareness `user` field that the server stamps on every connection. */
export interface PresenceUser {
  id: string
  name: string
  color: string
  role: Role
}
