import type { DocumentInfo } from '@accord/protocol'

/** Most recently changed first, as the server sorts them. */
export const byLastActivity = (a: DocumentInfo, b: DocumentInfo): number =>
  b.updatedAt.localeCompare(a.updatedAt)
