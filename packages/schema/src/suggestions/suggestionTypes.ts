/**
 * What a suggestion is, shared by the editor, the server's checks, acceptance and export.
 *
 * Inline suggestions are marks on text (`insertion`, `deletion`, `modification`, the names
 * @handlewithcare/prosemirror-suggest-changes expects). Whole blocks (a clause inserted or
 * deleted, a paragraph turned into a heading) carry the same information in the block's
 * `suggestion` attribute instead of a node mark: the Yjs binding (y-tiptap) keeps element
 * attributes but drops node marks, so a node mark would never reach the other clients.
 */
export const SuggestionMark = {
  insertion: 'insertion',
  deletion: 'deletion',
  modification: 'modification',
} as const
export type SuggestionKind = (typeof SuggestionMark)[keyof typeof SuggestionMark]

export const SUGGESTION_MARK_NAMES: readonly string[] = Object.values(SuggestionMark)

/** The node attribute that holds a block-level suggestion. */
export const BLOCK_SUGGESTION_ATTR = 'suggestion'

/** Who made a suggestion, and when (ISO 8601). */
export interface SuggestionAuthor {
  authorId: string
  authorName: string
}

/** The attributes of a suggestion mark, and of a block's `suggestion` attribute. */
export interface SuggestionAttrs extends SuggestionAuthor {
  id: string
  at: string
}

/** A block's `suggestion` attribute. `change` is set for a modification. */
export interface BlockSuggestion extends SuggestionAttrs {
  kind: SuggestionKind
  change?: {
    type: string
    attrName: string | null
    previousValue: unknown
    newValue: unknown
  }
}

export const isSuggestionKind = (name: string): name is SuggestionKind =>
  SUGGESTION_MARK_NAMES.includes(name)

/** An ISO 8601 date and time, as `Date.prototype.toISOString` writes it (offsets accepted too). */
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/
/** Longer than any id, name or author id Accord makes; bounds what a peer can make everyone render. */
const MAX_ATTRIBUTE_LENGTH = 256

const isShortString = (value: unknown): value is string =>
  typeof value === 'string' && value.length <= MAX_ATTRIBUTE_LENGTH

/**
 * The attribution of a suggestion (a mark's attributes or a block's `suggestion` value) when it
 * is well-formed: a non-empty id, an author id and name, and a real ISO 8601 time. Null for
 * anything else, e.g. `at: "not a date"`, which would make every editor fail to show the time.
 */
export const wellFormedAttribution = (value: unknown): SuggestionAttrs | null => {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null
  const { id, authorId, authorName, at } = value as Record<string, unknown>
  if (!isShortString(id) || id === '' || !isShortString(authorId) || !isShortString(authorName))
    return null
  if (typeof at !== 'string' || !ISO_DATE_TIME.test(at) || !Number.isFinite(Date.parse(at)))
    return null
  return { id, authorId, authorName, at }
}

/** Reads a block's `suggestion` attribute, tolerating anything a peer may have written. */
export const readBlockSuggestion = (value: unknown): BlockSuggestion | null => {
  if (!value || typeof value !== 'object') return null
  const v = value as Record<string, unknown>
  if (typeof v.kind !== 'string' || !isSuggestionKind(v.kind)) return null
  if (typeof v.id !== 'string' || typeof v.authorId !== 'string') return null
  return {
    kind: v.kind,
    id: v.id,
    authorId: v.authorId,
    authorName: typeof v.authorName === 'string' ? v.authorName : '',
    at: typeof v.at === 'string' ? v.at : '',
    ...(v.change && typeof v.change === 'object'
      ? { change: v.change as NonNullable<BlockSuggestion['change']> }
      : {}),
  }
}

/** A fresh suggestion id, unique across clients (no counter: two people suggest at once). */
export const newSuggestionId = (): string => {
  const bytes = new Uint8Array(9)
  globalThis.crypto.getRandomValues(bytes)
  return `s${Array.from(bytes, (b) => b.toString(36).padStart(2, '0')).join('')}`
}
