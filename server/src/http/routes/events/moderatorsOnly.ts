import type { DocumentEvent } from '@accord/protocol'

/**
 * Events only those who may moderate receive: public comments in moderation carry what a
 * member of the group may not read (pending and rejected comments, commenters' names).
 */
export const moderatorsOnly = (event: DocumentEvent): boolean => event.type === 'publicComment'
