/** The four roles of an installation, weakest first. The server enforces them; the client only hides. */
export const Role = {
  observer: 'observer',
  member: 'member',
  coordinator: 'coordinator',
  secretariat: 'secretariat',
} as const
export type Role = (typeof Role)[keyof typeof Role]

export const ROLES: readonly Role[] = [
  Role.observer,
  Role.member,
  Role.coordinator,
  Role.secretariat,
]

const rank = (role: Role): number => ROLES.indexOf(role)

/** True when `role` is `min` or stronger. */
export const atLeast = (role: Role, min: Role): boolean => rank(role) >= rank(min)

/** Document lifecycle. A `final` document accepts no text changes from anyone. */
export const DocumentStatus = { draft: 'draft', review: 'review', final: 'final' } as const
export type DocumentStatus = (typeof DocumentStatus)[keyof typeof DocumentStatus]

/** May this role change the text of a document in this status? */
export const canEditText = (role: Role, status: DocumentStatus): boolean =>
  status !== DocumentStatus.final && atLeast(role, Role.member)

/**
 * May this role move a document from one status to another?
 * Coordinators move draft <-> review; only the secretariat finalizes and reopens.
 */
export const canChangeStatus = (role: Role, from: DocumentStatus, to: DocumentStatus): boolean => {
  if (from === to) return atLeast(role, Role.member)
  if (from === DocumentStatus.final || to === DocumentStatus.final) return role === Role.secretariat
  return atLeast(role, Role.coordinator)
}

/**
 * Must this role's text changes be suggestions? In review, members propose and
 * coordinators decide: their direct edits are off, suggestions stay on.
 */
export const mustSuggest = (role: Role, status: DocumentStatus): boolean =>
  status === DocumentStatus.review && role === Role.member

/**
 * May this role change a document's settings (language, clause labels)? Whoever may edit the
 * text, except a member in review: settings are not suggestions, so they are the coordinators'.
 */
export const canChangeSettings = (role: Role, status: DocumentStatus): boolean =>
  canEditText(role, status) && !mustSuggest(role, status)

/** May this role accept and reject suggestions (and roll them into a version)? */
export const canResolveSuggestions = (role: Role, status: DocumentStatus): boolean =>
  status !== DocumentStatus.final && atLeast(role, Role.coordinator)

/** May this role start a new document? Members and up. */
export const canCreateDocument = (role: Role): boolean => atLeast(role, Role.member)

/** May this role rename documents? Everyone but observers (a final document is renamed by nobody). */
export const canRenameDocument = (role: Role): boolean => atLeast(role, Role.member)

/** May this role name versions and restore them? Coordinators and the secretariat. */
export const canKeepVersions = (role: Role): boolean => atLeast(role, Role.coordinator)

/** May this person resolve or reopen a thread? Its author, coordinators and the secretariat. */
export const canChangeThreadStatus = (role: Role, isThreadAuthor: boolean): boolean =>
  isThreadAuthor || atLeast(role, Role.coordinator)

/** May this role read the whole installation's activity and manage accounts? The secretariat. */
export const canAdminister = (role: Role): boolean => role === Role.secretariat

/** Opening and closing review rounds: coordinators and the secretariat. */
export const canRunReviewRounds = (role: Role): boolean => atLeast(role, Role.coordinator)

/** The mail outbox's state: the secretariat. */
export const canSeeMailOutbox = (role: Role): boolean => role === Role.secretariat

/** Recording decisions on comments and suggestions (disposition): coordinators and the secretariat. */
export const canDecideComments = (role: Role): boolean => atLeast(role, Role.coordinator)
