import type { ImportAlignment, UnmatchedClause } from '@accord/protocol'
import {
  BODY_FRAGMENT,
  ClauseNode,
  type DocumentSettings,
  type OutlineEntry,
  writeSettings,
} from '@accord/schema'
import * as Y from 'yjs'

/** The clauses of an outline in reading order, sub-clauses after their clause. */
const flat = (outline: readonly OutlineEntry[]): OutlineEntry[] =>
  outline.flatMap((entry) => [entry, ...(entry.children ?? [])])

/** The clause elements of a body in reading order, each with its number ('3', '3.1'). */
const clauseElements = (body: Y.XmlFragment): { element: Y.XmlElement; number: string }[] => {
  const found: { element: Y.XmlElement; number: string }[] = []
  let clauses = 0
  for (const clause of body.toArray()) {
    if (!(clause instanceof Y.XmlElement) || clause.nodeName !== ClauseNode.clause) continue
    clauses += 1
    found.push({ element: clause, number: String(clauses) })
    let subs = 0
    for (const sub of clause.toArray()) {
      if (!(sub instanceof Y.XmlElement) || sub.nodeName !== ClauseNode.subclause) continue
      subs += 1
      found.push({ element: sub, number: `${clauses}.${subs}` })
    }
  }
  return found
}

const unmatched = (entry: OutlineEntry): UnmatchedClause => ({
  number: entry.number,
  heading: entry.heading,
})

/**
 * Ties the clauses of an imported file to its source's, for a language version: the file's
 * clause at each place (3, 3.1) takes the id of the source's clause at that place, so the
 * alignment, "outdated" marks and the side-by-side view pair them. The ids are rewritten in
 * the imported Yjs state itself, so the comments' anchors (relative positions into its text)
 * stay where they are. Clauses with no partner are reported, never guessed at. Returns the
 * state to seed with `settings` (the version's language, the source's labels) written in.
 */
export const alignImportedClauses = (
  imported: Uint8Array,
  importedOutline: readonly OutlineEntry[],
  sourceOutline: readonly OutlineEntry[],
  settings: Partial<DocumentSettings>,
): { update: Uint8Array; alignment: ImportAlignment } => {
  const ydoc = new Y.Doc()
  try {
    Y.applyUpdate(ydoc, imported)
    const sourceByNumber = new Map(flat(sourceOutline).map((entry) => [entry.number, entry]))
    const fileByNumber = new Map(flat(importedOutline).map((entry) => [entry.number, entry]))
    const alignment: ImportAlignment = { matched: 0, extra: [], missing: [] }
    ydoc.transact(() => {
      for (const { element, number } of clauseElements(ydoc.getXmlFragment(BODY_FRAGMENT))) {
        const partner = sourceByNumber.get(number)
        if (partner?.id) {
          element.setAttribute('id', partner.id)
          alignment.matched += 1
        } else {
          const entry = fileByNumber.get(number)
          alignment.extra.push({ number, heading: entry?.heading ?? '' })
        }
      }
      writeSettings(ydoc, settings)
    })
    alignment.missing = flat(sourceOutline)
      .filter((entry) => !fileByNumber.has(entry.number))
      .map(unmatched)
    return { update: Y.encodeStateAsUpdate(ydoc), alignment }
  } finally {
    ydoc.destroy()
  }
}
