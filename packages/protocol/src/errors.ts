/**
 * Stable error codes shared by the HTTP API and the client's translations.
 * Every JSON error is `{ error: { code, message } }`.
 */
export const ErrorCode = {
  badRequest: 'bad_request',
  invalidJson: 'invalid_json',
  unsupportedMediaType: 'unsupported_media_type',
  validation: 'validation_failed',
  unauthenticated: 'unauthenticated',
  badCredentials: 'bad_credentials',
  forbidden: 'forbidden',
  crossOrigin: 'cross_origin',
  notFound: 'not_found',
  conflict: 'conflict',
  emailTaken: 'email_taken',
  weakPassword: 'weak_password',
  tokenInvalid: 'token_invalid',
  setupDone: 'setup_done',
  documentFinal: 'document_final',
  suggestionResolved: 'suggestion_resolved',
  tooLarge: 'too_large',
  tooManyRequests: 'too_many_requests',
  internal: 'internal',
  /** The database (or, with several instances, Redis) is briefly out of reach; retry. */
  unavailable: 'unavailable',
  /** An export could not be rendered: it took too long (503, retry) or its worker failed (500). */
  exportFailed: 'export_failed',
  /** This server sends no mail (SMTP_URL and MAIL_FROM are not set). */
  mailUnavailable: 'mail_unavailable',
  /**
   * Finalizing a document with open suggestions or comments, without saying what becomes of
   * them; `details` counts them (`{suggestions, comments}`).
   */
  openItems: 'open_items',
  /** A mention names someone who has no active account. */
  mentionInvalid: 'mention_invalid',
  /** A well-formed BCP-47 tag for a language Accord has no labels, dates and fonts for. */
  unsupportedLanguage: 'unsupported_language',
  /** That language version of the source exists already. */
  languageExists: 'language_exists',
  /** A translation-only action on a document that is not a translation (or the reverse). */
  notATranslation: 'not_a_translation',
  /** The clause is not in this translation (a pending structural change adds it). */
  clauseNotInTranslation: 'clause_not_in_translation',
  /** The structural change is no longer pending: someone applied it, or the source changed back. */
  changeNotPending: 'change_not_pending',
  /** A glossary file that is not what it claims (not TBX, not the glossary's CSV). */
  invalidGlossary: 'invalid_glossary',
  /**
   * An imported file is not what its name says, is damaged, protected, or unpacks to too much;
   * `details.reason` says which (the client translates it).
   */
  unsupportedFile: 'unsupported_file',
  /** A public comment on a consultation that has not opened yet, or has closed. */
  consultationNotOpen: 'consultation_not_open',
  consultationClosed: 'consultation_closed',
  /** A public comment on a clause that is not in the consultation's version. */
  unknownClause: 'unknown_clause',
  /** Another consultation has that address already. */
  slugTaken: 'slug_taken',
} as const
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode]

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown }
}
