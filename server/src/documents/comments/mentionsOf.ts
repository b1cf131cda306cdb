import { ErrorCode } from '@accord/protocol'
import { invalid } from '../../errors/DomainError.js'
import type { DocumentsContext } from '../DocumentsContext.js'

/**
 * The audit details of the people a comment mentions; a mention of someone with no active
 * account (unknown or deactivated) is refused, naming them.
 */
export const mentionsOf = async (
  ctx: DocumentsContext,
  ids: readonly string[] | undefined,
): Promise<{ mentions?: string[] }> => {
  if (!ids?.length) return {}
  const unique = [...new Set(ids)]
  const refused: string[] = []
  for (const id of unique) {
    if (!(await ctx.users.byId(id))?.active) refused.push(id)
  }
  if (refused.length > 0) {
    throw invalid('Mentioned people must have an active account', ErrorCode.mentionInvalid, {
      invalid: refused,
    })
  }
  return { mentions: unique }
}
