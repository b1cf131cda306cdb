import type { Cluster } from '../cluster/Cluster.js'
import type { SessionStore } from '../store/SessionStore.js'

/** Which sessions to end: the one a token names, or every one of a user but the one `keepToken` names. */
export type SessionsToEnd = { token: string } | { userId: string; keepToken?: string }

/**
 * Ends sessions: deleted from storage first (no request is served on them from then on),
 * then announced to every instance, which closes the WebSockets and event streams opened
 * with them (see auth/LiveSessions).
 */
export const endSessions = async (
  deps: { sessions: SessionStore; cluster: Cluster },
  which: SessionsToEnd,
): Promise<void> => {
  const ended =
    'token' in which
      ? await deps.sessions.delete(which.token)
      : await deps.sessions.deleteForUser(which.userId, which.keepToken)
  if (ended.length > 0) deps.cluster.broadcast({ kind: 'sessionsEnded', sessionIds: ended })
}
