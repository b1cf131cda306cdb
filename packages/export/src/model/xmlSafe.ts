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

/** `text` without the characters XML 1.0 forbids. */
export const xmlSafeText = (text: string): string => text.replace(UNWRITABLE, '')

/**
 * A copy of a JSON-like value (plain objects, arrays, strings, numbers, booleans, null,
 * dates) with `xmlSafeText` applied to every string in it, keys and values alike.
 */
export const xmlSafe = <T>(value: T): T => {
  if (typeof value === 'string') return xmlSafeText(value) as T
  if (Array.isArray(value)) return value.map(xmlSafe) as T
  if (value === null || typeof value !== 'object' || value instanceof Date) return value
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [xmlSafeText(key), xmlSafe(item)]),
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
      for (const found of (node.text ?? '').matchAll(UNWRITABLE))
        ranges.push(pos + found.index, found[0].length, 0)
      return false
    })
  return new StepMap(ranges)
}
