import type { DocumentEvent } from '@accord/protocol'

/**
 * Events only those who may moderate receive: public comments in moderation carry what a
 * member of the group may not read (pending and rejected comments, commenters' names), and
 * so do the erasures of a commenter's data.
 */
export const moderatorsOnly = (event: DocumentEvent): boolean =>
  event.type === 'publicComment' || event.type === 'publicCommentsErased'
