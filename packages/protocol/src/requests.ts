/**
 * Request bodies as zod schemas, for the server to validate at its edge. A separate entry
 * point (`@accord/protocol/requests`), so the web client's bundle does not carry zod; the
 * client imports only the inferred types, through the main entry.
 */
import { z } from 'zod'
import { DOCUMENT_LANGUAGES } from './documentLanguages.js'
import { normalizeEmail } from './email.js'
import { EXPORT_FORMATS, SUGGESTION_MODES } from './exportFormats.js'
import { DocumentStatus, ROLES, type Role } from './roles.js'
import { COMMENT_TYPES, DECISIONS, EMAIL_MODES, LANGUAGES, NOTIFICATION_TYPES } from './types.js'

/** Ids are URL-safe tokens; anything path-like is refused before it reaches storage. */
export const idSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'invalid id')

/** OWASP ASVS: at least 8 characters, and long passphrases (64+) must be accepted. */
export const passwordSchema = z.string().min(8).max(256)
const emailSchema = z.string().overwrite(normalizeEmail).email().max(254)
const nameSchema = z.string().trim().min(1).max(120)
const roleSchema = z.enum(ROLES as [Role, ...Role[]])

export const loginRequest = z.object({ email: emailSchema, password: z.string().min(1).max(256) })
export type LoginRequest = z.infer<typeof loginRequest>

/** Without `password` the account is created with a one-time invitation link instead. */
export const createUserRequest = z.object({
  email: emailSchema,
  name: nameSchema,
  role: roleSchema,
  password: passwordSchema.optional(),
})
export type CreateUserRequest = z.infer<typeof createUserRequest>

export const updateUserRequest = z
  .object({
    role: roleSchema.optional(),
    active: z.boolean().optional(),
    name: nameSchema.optional(),
  })
  .refine((v) => Object.keys(v).length > 0, 'nothing to change')
export type UpdateUserRequest = z.infer<typeof updateUserRequest>

const emailModeSchema = z.enum(EMAIL_MODES)

/** An IANA time zone this runtime knows, e.g. Europe/Moscow. */
const timeZoneSchema = z
  .string()
  .min(1)
  .max(64)
  .refine((zone) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone })
      return true
    } catch {
      return false
    }
  }, 'unknown time zone')

/** Mail preferences; every field optional, what is left out stays as it was. */
export const notificationSettingsPatch = z.object({
  email: emailModeSchema.optional(),
  kinds: z.partialRecord(z.enum(NOTIFICATION_TYPES), emailModeSchema.nullable()).optional(),
  digestHour: z.number().int().min(0).max(23).optional(),
  timeZone: timeZoneSchema.optional(),
})
export type NotificationSettingsPatch = z.infer<typeof notificationSettingsPatch>

export const updateProfileRequest = z
  .object({
    name: nameSchema.optional(),
    language: z.enum(LANGUAGES).nullable().optional(),
    /** The member body or organization one speaks for; null or '' clears it. */
    organization: z.string().trim().max(200).nullable().optional(),
    notifications: notificationSettingsPatch.optional(),
  })
  .refine((v) => Object.keys(v).length > 0, 'nothing to change')
export type UpdateProfileRequest = z.infer<typeof updateProfileRequest>

export const changePasswordRequest = z.object({
  currentPassword: z.string().min(1).max(256),
  newPassword: passwordSchema,
})
export type ChangePasswordRequest = z.infer<typeof changePasswordRequest>

/** Sets the password of an invited account (or the first secretariat, with the setup token). */
export const acceptInvitationRequest = z.object({
  password: passwordSchema,
  name: nameSchema.optional(),
})
export type AcceptInvitationRequest = z.infer<typeof acceptInvitationRequest>

export const setupRequest = z.object({
  token: z.string().min(1).max(200),
  email: emailSchema,
  name: nameSchema,
  password: passwordSchema,
})
export type SetupRequest = z.infer<typeof setupRequest>

const titleSchema = z.string().trim().min(1).max(300)
const statusSchema = z.enum([DocumentStatus.draft, DocumentStatus.review, DocumentStatus.final])

export const createDocumentRequest = z.object({
  title: titleSchema,
  /** The document's own language (clause labels, export); default Russian. */
  language: z.enum(DOCUMENT_LANGUAGES).default('ru'),
  /** Start from a preface and this many empty clauses, instead of a blank page. */
  template: z
    .object({
      clauses: z.number().int().min(0).max(200),
      preface: z.string().max(20_000).optional(),
    })
    .optional(),
})
export type CreateDocumentRequest = z.infer<typeof createDocumentRequest>
/** What a client sends: `language` may be left out (it defaults to Russian). */
export type CreateDocumentBody = z.input<typeof createDocumentRequest>

/**
 * What finalizing does with suggestions and comments still open: keep them as an appendix of
 * the final text, or leave them behind for a stated reason. Either way the open suggestions
 * leave the text (nobody can decide them once it is final).
 */
export const openItemsDecision = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('appendix') }),
  z.object({ decision: z.literal('finalizeAnyway'), reason: z.string().trim().min(1).max(2000) }),
])
export type OpenItemsDecision = z.infer<typeof openItemsDecision>

export const updateDocumentRequest = z
  .object({
    title: titleSchema.optional(),
    status: statusSchema.optional(),
    openItems: openItemsDecision.optional(),
  })
  .refine((v) => v.title !== undefined || v.status !== undefined, 'nothing to change')
  .refine((v) => v.openItems === undefined || v.status === DocumentStatus.final, {
    message: 'openItems goes only with status "final"',
    path: ['openItems'],
  })
export type UpdateDocumentRequest = z.infer<typeof updateDocumentRequest>

const suggestionIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'invalid suggestion id')

/**
 * Accept or reject suggestions, chosen by exactly one of: their ids, a clause (and its
 * sub-clauses), an author, or all of them.
 */
export const resolveSuggestionsRequest = z
  .object({
    decision: z.enum(['accept', 'reject']),
    ids: z.array(suggestionIdSchema).min(1).max(1000).optional(),
    clauseId: idSchema.optional(),
    authorId: idSchema.optional(),
    all: z.literal(true).optional(),
  })
  .refine(
    (v) => [v.ids, v.clauseId, v.authorId, v.all].filter((x) => x !== undefined).length === 1,
    'choose exactly one of ids, clauseId, authorId, all',
  )
export type ResolveSuggestionsRequest = z.infer<typeof resolveSuggestionsRequest>

/**
 * A rollout: accept `accept`, reject `reject`, carry every other suggestion over, and save
 * the result as the named version, in one step.
 */
export const rolloutRequest = z
  .object({
    name: z.string().trim().min(1).max(200),
    note: z.string().trim().max(2000).optional(),
    accept: z.array(suggestionIdSchema).max(5000).default([]),
    reject: z.array(suggestionIdSchema).max(5000).default([]),
  })
  .refine(
    (v) => !v.accept.some((id) => v.reject.includes(id)),
    'a suggestion is either accepted or rejected',
  )
export type RolloutRequest = z.infer<typeof rolloutRequest>
/** What a client sends: `accept` and `reject` may be left out. */
export type RolloutBody = z.input<typeof rolloutRequest>

/** `q` narrows the documents list to titles that contain it. */
export const listDocumentsQuery = z.object({ q: z.string().max(300).optional() })
export type ListDocumentsQuery = z.infer<typeof listDocumentsQuery>

export const createVersionRequest = z.object({
  name: z.string().trim().min(1).max(200),
  note: z.string().trim().max(2_000).nullish(),
  /** On a source: name the same version in every translation too, in one step. */
  translations: z.boolean().optional(),
})
export type CreateVersionRequest = z.infer<typeof createVersionRequest>

/** `from` is a version id; `to` a version id or `current` (the live text). */
export const diffQuery = z.object({
  from: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  to: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/)
    .default('current'),
})
export type DiffQuery = z.infer<typeof diffQuery>

/** Plain text; long enough for a considered argument, short enough to read. */
const commentBody = z.string().trim().min(1, 'a comment cannot be empty').max(10_000)
/** Base64 of an encoded Yjs relative position: tens of bytes. */
const anchorPart = z
  .string()
  .min(1)
  .max(1024)
  .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'not base64')

/** ge, te or ed in the ISO/IEC template. */
const commentTypeSchema = z.enum(COMMENT_TYPES, {
  error: `unknown type; supported types: ${COMMENT_TYPES.join(', ')}`,
})
/** The words a commenter would put instead; blank means none. */
const proposedChange = z
  .string()
  .trim()
  .max(10_000)
  .nullish()
  .transform((v) => (v ? v : null))

/** A decision with its reason; `null` withdraws a recorded decision. */
export const dispositionSchema = z.object({
  decision: z.enum(DECISIONS, {
    error: `unknown decision; supported decisions: ${DECISIONS.join(', ')}`,
  }),
  reason: z.string().trim().max(10_000).default(''),
})
export type DispositionRequest = z.infer<typeof dispositionSchema>

/** People the comment addresses by name; each is notified. */
const mentions = z.array(idSchema).max(50).optional()

export const createThreadRequest = z.object({
  body: commentBody,
  mentions,
  quote: z.string().max(2_000),
  anchor: z.object({ start: anchorPart, end: anchorPart }),
  clauseId: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/)
    .nullish(),
  type: commentTypeSchema.default('general'),
  proposedChange,
})
/** What a client sends: `type` and `proposedChange` may be left out. */
export type CreateThreadRequest = z.input<typeof createThreadRequest>

/** A reply, or the new words of one's own message. */
export const commentBodyRequest = z.object({ body: commentBody })
export type CommentBodyRequest = z.infer<typeof commentBodyRequest>

/** A reply; it may address people by name. */
export const replyRequest = z.object({ body: commentBody, mentions })
export type ReplyRequest = z.infer<typeof replyRequest>

export const threadStatusRequest = z.object({ status: z.enum(['open', 'resolved']) })
export type ThreadStatusRequest = z.infer<typeof threadStatusRequest>

/**
 * `PATCH /documents/:id/comments/:threadId`: any of the status (author, coordinators), the
 * type and proposed change (author, coordinators) and the disposition (coordinators).
 */
export const updateThreadRequest = z
  .object({
    status: z.enum(['open', 'resolved']).optional(),
    type: commentTypeSchema.optional(),
    proposedChange: z.string().trim().max(10_000).nullable().optional(),
    disposition: dispositionSchema.nullable().optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).length > 0, 'nothing to change')
export type UpdateThreadRequest = z.infer<typeof updateThreadRequest>

/** `PATCH /documents/:id/suggestions/:suggestionId`: records or withdraws a decision. */
export const suggestionDispositionRequest = z
  .object({ disposition: dispositionSchema.nullable() })
  .strict()
export type SuggestionDispositionRequest = z.infer<typeof suggestionDispositionRequest>

/** The compilation of comments as JSON or a file. */
export const DISPOSITION_FORMATS = ['json', 'docx', 'xlsx', 'csv'] as const
export const dispositionQuery = z
  .object({
    format: z
      .enum(DISPOSITION_FORMATS, {
        error: `unknown format; supported formats: ${DISPOSITION_FORMATS.join(', ')}`,
      })
      .default('json'),
    /** Column headings' language (default: the document's). */
    lang: z.enum(LANGUAGES).optional(),
    /** Only the public comments of this consultation. */
    consultation: idSchema.optional(),
    /** Only the comments and suggestions made during this review round. */
    round: idSchema.optional(),
  })
  .refine((v) => v.consultation === undefined || v.round === undefined, {
    message: 'give a consultation or a round, not both',
    path: ['round'],
  })
export type DispositionQuery = z.infer<typeof dispositionQuery>

/**
 * `format` is one of EXPORT_FORMATS (a wrong one is answered with the list); `version` a
 * version id (absent: the current text); `comments=open` appends the open threads;
 * `suggestions` is `clean` (the default: open suggestions left out) or `tracked` (a review
 * copy showing them as tracked changes); `bilingual=1` on a translation's export puts it
 * beside its source's current text, clause by clause.
 */
export const exportQuery = z.object({
  format: z.enum(EXPORT_FORMATS, {
    error: `unknown format; supported formats: ${EXPORT_FORMATS.join(', ')}`,
  }),
  version: z.string().optional(),
  comments: z.literal('open').optional(),
  suggestions: z
    .enum(SUGGESTION_MODES, {
      error: `unknown suggestions mode; supported: ${SUGGESTION_MODES.join(', ')}`,
    })
    .default('clean'),
  /** `1` on a translation: a two-column copy beside its source (docx, pdf, html). */
  bilingual: z.literal('1').optional(),
})
export type ExportQuery = z.infer<typeof exportQuery>

/** A page of the audit log, newest first; `before` (an entry id) pages back. */
export const activityQuery = z.object({
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
})
export type ActivityQuery = z.infer<typeof activityQuery>

/** Marks inbox items read: the ones named, or all of them. */
export const markNotificationsReadRequest = z
  .object({
    ids: z.array(idSchema).min(1).max(1000).optional(),
    all: z.literal(true).optional(),
  })
  .refine((v) => (v.ids === undefined) !== (v.all === undefined), 'give either ids or all: true')
export type MarkNotificationsReadRequest = z.infer<typeof markNotificationsReadRequest>

/** Opens a review round: until `deadline` (ISO time), for everyone or the people listed. */
export const openReviewRoundRequest = z.object({
  deadline: z.iso.datetime({ offset: true }),
  instructions: z.string().trim().max(5000).default(''),
  participants: z.union([z.literal('everyone'), z.array(idSchema).min(1).max(500)]),
  /** The document's status once the round is over. */
  afterClose: z.enum(['draft', 'review']),
})
export type OpenReviewRoundRequest = z.input<typeof openReviewRoundRequest>

/** The newest inbox items first; `limit` of them. */
export const listNotificationsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
})
export type ListNotificationsQuery = z.infer<typeof listNotificationsQuery>

/** People to mention or to take part in a round, by a part of their name. */
export const mentionableQuery = z.object({
  q: z.string().max(120).default(''),
  /** How many at most (default 8, for the @ list; a round's participant list asks for more). */
  limit: z.coerce.number().int().min(1).max(500).default(8),
})
export type MentionableQuery = z.infer<typeof mentionableQuery>

/** "Forgot my password": the address a reset link is sent to. */
export const requestResetRequest = z.object({ email: z.string().trim().min(1).max(254) })
export type RequestResetRequest = z.infer<typeof requestResetRequest>

/** The new password set with a reset link. */
export const completeResetRequest = z.object({ password: passwordSchema })
export type CompleteResetRequest = z.infer<typeof completeResetRequest>
/**
 * A new language version of a source. `language` is any BCP-47 tag (checked and mapped to
 * a document language by `parseDocumentLanguage`); `fill` chooses empty bodies or the
 * source's text to overwrite (marked untranslated either way).
 */
export const addLanguageRequest = z.object({
  language: z.string().trim().min(1).max(64),
  fill: z.enum(['empty', 'source']).default('empty'),
  title: titleSchema.optional(),
})
export type AddLanguageRequest = z.infer<typeof addLanguageRequest>
export type AddLanguageBody = z.input<typeof addLanguageRequest>

const changeIdSchema = z
  .string()
  .regex(/^(add|delete|move):[A-Za-z0-9_-]{1,64}$/, 'invalid change id')

/** Apply pending structural changes: the ones named, or all of them. */
export const applyStructureRequest = z
  .object({
    ids: z.array(changeIdSchema).min(1).max(1000).optional(),
    all: z.literal(true).optional(),
  })
  .refine((v) => (v.ids === undefined) !== (v.all === undefined), 'choose exactly one of ids, all')
export type ApplyStructureRequest = z.infer<typeof applyStructureRequest>

const termSchema = z.string().trim().min(1).max(300)
const languageKeyed = <T extends z.ZodType>(value: T) =>
  z.partialRecord(z.enum(DOCUMENT_LANGUAGES), value)

/** A glossary entry: the preferred term in at least one language, forbidden variants, a note. */
export const glossaryEntryRequest = z.object({
  terms: languageKeyed(termSchema).refine(
    (terms) => Object.values(terms).some((term) => term),
    'at least one term',
  ),
  forbidden: languageKeyed(z.array(termSchema).max(50)).default({}),
  note: z.string().trim().max(2_000).default(''),
})
export type GlossaryEntryRequest = z.infer<typeof glossaryEntryRequest>
export type GlossaryEntryBody = z.input<typeof glossaryEntryRequest>

/** A glossary file to add to the glossary: TBX (ISO 30042) or CSV, as text. */
export const importGlossaryRequest = z.object({
  format: z.enum(['tbx', 'csv']),
  content: z.string().min(1),
})
export type ImportGlossaryRequest = z.infer<typeof importGlossaryRequest>

/** The glossary as a file: TBX (ISO 30042) or CSV. */
export const glossaryExportQuery = z.object({ format: z.enum(['tbx', 'csv']) })
export type GlossaryExportQuery = z.infer<typeof glossaryExportQuery>
/** `POST /api/documents/import`: the form's text fields and the query. */
export const importDocumentFields = z.object({
  title: z.string().trim().max(200).optional(),
})
export type ImportDocumentFields = z.infer<typeof importDocumentFields>

/** The form fields of an import as a language version of a source document. */
export const importTranslationFields = z.object({
  language: z.string().trim().min(1).max(64),
  title: titleSchema.optional(),
})
export type ImportTranslationFields = z.infer<typeof importTranslationFields>

/** `dryRun=1` (or `true`): only read the file and say what would be created. */
export const importDocumentQuery = z.object({
  dryRun: z
    .enum(['0', '1', 'true', 'false'])
    .optional()
    .transform((value) => value === '1' || value === 'true'),
})
export type ImportDocumentQuery = z.infer<typeof importDocumentQuery>

/**
 * `POST /documents/:id/disposition/import`: a filled-in template, base64 (JSON keeps the
 * CSRF guard's one rule for every state-changing request). Its kind is read from the file.
 */
export const importTemplateRequest = z
  .object({
    file: z
      .string()
      .min(1, 'the file is empty')
      .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'not base64'),
  })
  .strict()
export type ImportTemplateRequest = z.infer<typeof importTemplateRequest>

/** A consultation's address: lower-case words joined by hyphens (`draft-charter-2026`). */
export const consultationSlug = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'letters a–z, digits and single hyphens')
  .min(3)
  .max(80)

/**
 * `POST /documents/:id/consultations` (secretariat): publishes a named version for public
 * comment from `opensAt` (default now) until `closesAt`.
 */
export const createConsultationRequest = z
  .object({
    versionId: idSchema,
    closesAt: z.iso.datetime({ offset: true }),
    opensAt: z.iso.datetime({ offset: true }).optional(),
    introduction: z.string().trim().max(20_000).default(''),
    slug: consultationSlug.optional(),
  })
  .strict()
export type CreateConsultationRequest = z.infer<typeof createConsultationRequest>
export type CreateConsultationBody = z.input<typeof createConsultationRequest>

/** Blank optional text is no text. */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null))

/**
 * `POST /public/consultations/:slug/comments`: a comment from anyone, on one clause.
 * `consent` is agreement to the privacy notice (required); `publishName` lets the name and
 * organization appear on the public page. `website` is the honeypot: people leave it empty.
 */
export const publicCommentRequest = z.object({
  clauseId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'invalid clause id'),
  name: z.string().trim().min(1).max(200),
  organization: optionalText(300),
  email: emailSchema,
  type: commentTypeSchema.default('general'),
  body: commentBody,
  proposedChange: optionalText(10_000),
  consent: z.literal(true, { error: 'consent to the privacy notice is required' }),
  publishName: z.boolean().default(false),
  website: z.string().max(2_000).optional(),
})
export type PublicCommentRequest = z.infer<typeof publicCommentRequest>
export type PublicCommentBody = z.input<typeof publicCommentRequest>

/** `GET /consultations/:id/comments?status=`: one status, or every one. */
export const publicCommentsQuery = z.object({
  status: z.enum(['pending', 'published', 'rejected']).optional(),
})
export type PublicCommentsQuery = z.infer<typeof publicCommentsQuery>

/**
 * `PATCH /consultations/:id/comments/:commentId` (coordinators and up): publish or reject
 * (the reason is kept internally), and, once published, record the group's decision.
 */
export const moderatePublicCommentRequest = z
  .object({
    status: z.enum(['pending', 'published', 'rejected']).optional(),
    reason: z.string().trim().max(2_000).optional(),
    disposition: dispositionSchema.nullable().optional(),
    /** The state the moderator saw: if the comment has left it meanwhile, 409 and no change. */
    expectedStatus: z.enum(['pending', 'published', 'rejected']).optional(),
  })
  .strict()
  .refine((v) => v.status !== undefined || v.disposition !== undefined, 'nothing to change')
export type ModeratePublicCommentRequest = z.infer<typeof moderatePublicCommentRequest>

/** `POST /consultations/erasures` (secretariat): erase one person's data, by their address. */
export const erasePublicCommenterRequest = z.object({ email: emailSchema }).strict()
export type ErasePublicCommenterRequest = z.infer<typeof erasePublicCommenterRequest>
/** `GET /documents/:id/authors`: optionally since which version. */
export const authorsQuery = z.object({
  since: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/)
    .optional(),
})
export type AuthorsQuery = z.infer<typeof authorsQuery>
