import { ErrorCode } from '@accord/protocol'

/** What kind of refusal an operation made; the HTTP layer maps it to a status. */
export type DocumentErrorKind = 'invalid' | 'forbidden' | 'notFound' | 'conflict' | 'tooLarge'

/** A refusal by a document operation, with a stable code the client translates. */
export class DocumentError extends Error {
  constructor(
    readonly kind: DocumentErrorKind,
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message)
  }
}

export const unknownDocument = (): DocumentError =>
  new DocumentError('notFound', ErrorCode.notFound, 'Unknown document')
export const notAllowed = (message: string): DocumentError =>
  new DocumentError('forbidden', ErrorCode.forbidden, message)
