import type { Notification } from '@accord/protocol'

/** The place in the app a notification is about: its thread, suggestion, version or document. */
export const linkTo = (n: Notification): string => {
  if (!n.documentId) return '/'
  const doc = `/documents/${encodeURIComponent(n.documentId)}`
  if (n.threadId) return `${doc}?thread=${encodeURIComponent(n.threadId)}`
  if (n.target?.suggestionId)
    return `${doc}?suggestion=${encodeURIComponent(n.target.suggestionId)}`
  if (n.target?.versionId) return `${doc}/history?version=${encodeURIComponent(n.target.versionId)}`
  return doc
}
