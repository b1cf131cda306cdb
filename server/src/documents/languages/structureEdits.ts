import type { ClauseEntry } from '@accord/diff'
import { BODY_FRAGMENT, isNumberedNodeName } from '@accord/schema'
import * as Y from 'yjs'

type Container = Y.XmlFragment | Y.XmlElement

/** Runs one edit as one transaction of the server's structural change. */
export type Step = (edit: () => void) => void

interface FoundClause {
  parent: Container
  index: number
  element: Y.XmlElement
}

/** A clause element of the body, by id: top-level clauses and their sub-clauses. */
const findClause = (body: Y.XmlFragment, id: string): FoundClause | undefined => {
  const search = (parent: Container, depth: number): FoundClause | undefined => {
    let index = 0
    for (const child of parent.toArray()) {
      if (child instanceof Y.XmlElement && isNumberedNodeName(child.nodeName)) {
        if (child.getAttribute('id') === id) return { parent, index, element: child }
        if (depth === 0) {
          const found = search(child, 1)
          if (found) return found
        }
      }
      index++
    }
    return undefined
  }
  return search(body, 0)
}

const indexIn = (container: Container, id: string): number =>
  container
    .toArray()
    .findIndex((child) => child instanceof Y.XmlElement && child.getAttribute('id') === id)

/**
 * Where a clause goes in the translation so that it stands as in the source: right after
 * the nearest clause before it (in the source, under the same parent) that the translation
 * has there; with none, before the container's first clause (after a preface), or last.
 * Undefined when its parent clause is not in the translation.
 */
const placeOf = (
  body: Y.XmlFragment,
  entry: ClauseEntry,
  source: readonly ClauseEntry[],
): { container: Container; index: number } | undefined => {
  const container = entry.parentId === null ? body : findClause(body, entry.parentId)?.element
  if (!container) return undefined
  const siblings = source.filter((e) => e.parentId === entry.parentId)
  for (let i = siblings.findIndex((e) => e.id === entry.id) - 1; i >= 0; i--) {
    const at = indexIn(container, (siblings[i] as ClauseEntry).id)
    if (at >= 0) return { container, index: at + 1 }
  }
  const firstClause = container
    .toArray()
    .findIndex((child) => child instanceof Y.XmlElement && isNumberedNodeName(child.nodeName))
  return { container, index: firstClause >= 0 ? firstClause : container.length }
}

/** An empty clause or sub-clause with the source's id: an empty heading and body. */
const emptyClause = (entry: ClauseEntry): Y.XmlElement => {
  const element = new Y.XmlElement(entry.kind)
  element.setAttribute('id', entry.id)
  element.insert(0, [new Y.XmlElement('clauseHeading'), new Y.XmlElement('paragraph')])
  return element
}

/** Thrown when a change cannot be placed: its parent clause is not in the translation. */
export class UnplaceableChange extends Error {}

/**
 * Adds the source's clause `entry` to the translation, empty, where it stands in the source.
 */
export const addClause = (
  doc: Y.Doc,
  step: Step,
  entry: ClauseEntry,
  source: readonly ClauseEntry[],
) => {
  const body = doc.getXmlFragment(BODY_FRAGMENT)
  const place = placeOf(body, entry, source)
  if (!place) throw new UnplaceableChange(entry.id)
  step(() => place.container.insert(place.index, [emptyClause(entry)]))
}

/**
 * Moves a clause of the translation (with its text and sub-clauses) to where the source
 * has it. Out, then back in, in two transactions, as the editor moves clauses: in one, the
 * Yjs binding of a client could rewrite the neighbours in place. The clause comes back with
 * its id, so the server's anchor follower takes its comments along.
 */
export const moveClause = (
  doc: Y.Doc,
  step: Step,
  entry: ClauseEntry,
  source: readonly ClauseEntry[],
) => {
  const body = doc.getXmlFragment(BODY_FRAGMENT)
  const found = findClause(body, entry.id)
  if (!found || !placeOf(body, entry, source)) throw new UnplaceableChange(entry.id)
  const copy = found.element.clone()
  step(() => found.parent.delete(found.index, 1))
  // Placed again once out: the indexes after it have shifted.
  const place = placeOf(body, entry, source) as { container: Container; index: number }
  step(() => place.container.insert(place.index, [copy]))
}

/** Deletes a clause the source no longer has (with its sub-clauses). */
export const deleteClause = (doc: Y.Doc, step: Step, clauseId: string) => {
  const found = findClause(doc.getXmlFragment(BODY_FRAGMENT), clauseId)
  if (found) step(() => found.parent.delete(found.index, 1))
}
