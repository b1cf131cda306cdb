import { documentSchema } from '@accord/schema'
import type { JSONContent } from '@tiptap/core'
import { StepMap } from '@tiptap/pm/transform'

/**
 * Characters no XML 1.0 document may hold, not even as character references: C0 controls
 * other than tab, line feed and carriage return; a surrogate that is not half of a pair
 * (`\p{Cs}` in a `u` expression sees only those); U+FFFE and U+FFFF. DOCX, ODT, Akoma
 * Ntoso and HTML holding one are ill-formed, and office suites refuse to open them. DEL and
 * the C1 controls go too (`\p{Cc}` holds them): XML discourages them and no text needs them.
 */
const UNWRITABLE = /(?![\t\n\r])\p{Cc}|\p{Cs}|[\uFFFE\uFFFF]/gu

/**
 * Every UTF-16 code unit an UNWRITABLE character can begin with (any surrogate, paired or
 * not). A text without one, nearly every text, is left as it is after this one quick scan;
 * the Unicode-aware expression above costs several times more per string.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is its job.
const MAYBE_UNWRITABLE = /[\0-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\uD800-\uDFFF\uFFFE\uFFFF]/

/** `text` without the characters XML 1.0 forbids. */
export const xmlSafeText = (text: string): string =>
  MAYBE_UNWRITABLE.test(text) ? text.replace(UNWRITABLE, '') : text

/** Does any string in `value` (keys too) hold a character XML 1.0 forbids? */
const holdsUnwritable = (value: unknown): boolean => {
  if (typeof value === 'string') return xmlSafeText(value) !== value
  if (Array.isArray(value)) return value.some(holdsUnwritable)
  if (value === null || typeof value !== 'object' || value instanceof Date) return false
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue
    if (holdsUnwritable(key) || holdsUnwritable((value as Record<string, unknown>)[key]))
      return true
  }
  return false
}

/**
 * A JSON-like value (plain objects, arrays, strings, numbers, booleans, null, dates) with
 * `xmlSafeText` applied to every string in it, keys and values alike: the value itself when
 * none needs it (nothing is copied for a clean text), else a copy.
 */
export const xmlSafe = <T>(value: T): T => (holdsUnwritable(value) ? cleanCopy(value) : value)

const cleanCopy = <T>(value: T): T => {
  if (typeof value === 'string') return xmlSafeText(value) as T
  if (Array.isArray(value)) return value.map(cleanCopy) as T
  if (value === null || typeof value !== 'object' || value instanceof Date) return value
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [xmlSafeText(key), cleanCopy(item)]),
  ) as T
}

/**
 * Where `xmlSafe` takes characters out of a document's text (ProseMirror JSON), as a map
 * from positions in the given text to positions in the cleaned one: a comment's range, given
 * in the first, is carried into the second.
 */
export const xmlSafeMapping = (json: JSONContent): StepMap => {
  const ranges: number[] = []
  documentSchema()
    .nodeFromJSON(json)
    .descendants((node, pos) => {
      if (!node.isText) return true
      const text = node.text ?? ''
      if (!MAYBE_UNWRITABLE.test(text)) return false
      for (const found of text.matchAll(UNWRITABLE))
        ranges.push(pos + found.index, found[0].length, 0)
      return false
    })
  return new StepMap(ranges)
}
