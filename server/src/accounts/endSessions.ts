import type { AccountsContext } from './AccountsContext.js'

/** Which sessions to end: the one a token names, or every one of a user but the one `keepToken` names. */
export type SessionsToEnd = { token: string } | { userId: string; keepToken?: string }

/**
 * Ends sessions: deleted from storage first (no request is served on them from then on),
 * then announced to every instance, which closes the WebSockets and event streams opened
 * with them (see auth/LiveSessions).
 */
export const endSessions = async (
  ctx: Pick<AccountsContext, 'sessions' | 'announceSessionsEnded'>,
  which: SessionsToEnd,
): Promise<void> => {
  const ended =
    'token' in which
      ? await ctx.sessions.delete(which.token)
      : await ctx.sessions.deleteForUser(which.userId, which.keepToken)
  if (ended.length > 0) ctx.announceSessionsEnded(ended)
}
