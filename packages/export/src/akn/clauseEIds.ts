import type { Block, ExportClause } from '../model/Block.js'

/** A clause's `article` is named by its number: `art_3`. */
export const articleEId = (clause: ExportClause): string => `art_${clause.number}`

/** The `paragraph`s of an article are counted from 1, sub-clauses and body blocks alike. */
export const paragraphEId = (articleId: string, index: number): string =>
  `${articleId}__para_${index + 1}`

/**
 * The `eId` of every clause and sub-clause by its id, by the rule `article` names them with:
 * the notes are placed at them and cross-references point to them.
 */
export const clauseEIds = (body: readonly (Block | ExportClause)[]): Map<string, string> => {
  const eIds = new Map<string, string>()
  for (const clause of body) {
    if (clause.type !== 'clause') continue
    const eId = articleEId(clause)
    if (clause.id) eIds.set(clause.id, eId)
    clause.children.forEach((child, index) => {
      if (child.type === 'clause' && child.id) eIds.set(child.id, paragraphEId(eId, index))
    })
  }
  return eIds
}
