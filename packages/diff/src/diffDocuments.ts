import { diffArrays } from 'diff'
import { diffText } from './diffText.js'
import { documentUnits, type JsonNode, type Unit } from './documentUnits.js'
import { referenceNumbers } from './referenceNumbers.js'
import type { DocumentDiff, UnitDiff, UnitStatus } from './types.js'

/**
 * Compares two versions clause by clause: clauses are matched by their stable id, so a
 * renumbered clause is not "changed"; a clause whose place among the others changed is
 * `moved`; inside a clause, inserted and deleted words are reported.
 */
export const diffDocuments = (before: JsonNode, after: JsonNode, locale = 'ru'): DocumentDiff => {
  const reference = referenceNumbers(before, after)
  const oldUnits = documentUnits(before, reference)
  const newUnits = documentUnits(after, reference)
  const oldByKey = new Map(oldUnits.map((u) => [u.key, u]))
  const newByKey = new Map(newUnits.map((u) => [u.key, u]))

  // Clauses in both versions whose relative order differs: not on the longest common order.
  const common = (units: Unit[], other: Map<string, Unit>) =>
    units.filter((u) => other.has(u.key)).map((u) => u.key)
  const moved = new Set<string>()
  for (const part of diffArrays(common(oldUnits, newByKey), common(newUnits, oldByKey))) {
    if (part.added) for (const key of part.value) moved.add(key)
  }

  const compare = (old: Unit | undefined, now: Unit | undefined): UnitDiff => {
    const heading = diffText(old?.heading ?? '', now?.heading ?? '', locale)
    const body = diffText(old?.body ?? '', now?.body ?? '', locale)
    const changed = [...heading, ...body].some((c) => c.type !== 'equal')
    const key = (now ?? old)?.key as string
    const status: UnitStatus = !old
      ? 'added'
      : !now
        ? 'removed'
        : moved.has(key)
          ? 'moved'
          : changed
            ? 'changed'
            : 'unchanged'
    return {
      key,
      kind: (now ?? old)?.kind ?? 'clause',
      status,
      changed,
      numberBefore: old?.number ?? null,
      numberAfter: now?.number ?? null,
      heading,
      body,
    }
  }

  const units: UnitDiff[] = []
  // Removed clauses are shown where they stood: after the unit that preceded them before.
  const removedAfter = new Map<string, Unit[]>()
  let previous = 'preface'
  for (const unit of oldUnits) {
    if (!newByKey.has(unit.key))
      removedAfter.set(previous, [...(removedAfter.get(previous) ?? []), unit])
    else previous = unit.key
  }
  for (const unit of newUnits) {
    units.push(compare(oldByKey.get(unit.key), unit))
    for (const gone of removedAfter.get(unit.key) ?? []) units.push(compare(gone, undefined))
  }

  const summary: Record<UnitStatus, number> = {
    added: 0,
    removed: 0,
    moved: 0,
    changed: 0,
    unchanged: 0,
  }
  for (const unit of units) if (unit.kind === 'clause') summary[unit.status]++
  return { summary, units }
}
