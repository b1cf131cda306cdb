import { ClauseNode } from '@accord/schema'
import type { JsonNode, ReferenceText } from './documentUnits.js'

/** Every clause's number ('3', '3.1') by its id, numbered by position as the editor does. */
const clauseNumbers = (doc: JsonNode): Map<string, string> => {
  const numbers = new Map<string, string>()
  const idOf = (node: JsonNode) => (typeof node.attrs?.id === 'string' ? node.attrs.id : '')
  let n = 0
  for (const clause of doc.content ?? []) {
    if (clause.type !== ClauseNode.clause) continue
    n += 1
    numbers.set(idOf(clause), String(n))
    let sub = 0
    for (const child of clause.content ?? [])
      if (child.type === ClauseNode.subclause) numbers.set(idOf(child), `${n}.${++sub}`)
  }
  numbers.delete('')
  return numbers
}

/**
 * How references read when two versions are compared: '[→ 3]', by the number of their target
 * in the later version (or the earlier one, for a clause since deleted), the same in both.
 * So a reference compares by its target: renumbering the target changes neither side, and
 * pointing a reference at another clause shows as a change.
 */
export const referenceNumbers = (before: JsonNode, after: JsonNode): ReferenceText => {
  const numbers = new Map([...clauseNumbers(before), ...clauseNumbers(after)])
  return (clauseId) => `[→ ${numbers.get(clauseId) ?? '?'}]`
}
