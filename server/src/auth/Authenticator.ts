import type { Role } from '@accord/protocol'
import { type SessionStore, sessionIdOf } from '../store/SessionStore.js'
import type { StoredUser, UserStore } from '../store/UserStore.js'
import type { LiveSessions, SessionHold } from './LiveSessions.js'
import { readSessionCookie } from './sessionCookie.js'

interface ActiveUser {
  user: StoredUser
  /** When the session expires (ms since the epoch). */
  expiresAt: number
}

/** Turns a Cookie header into the signed-in, active user; shared by the HTTP API and the WebSocket upgrade. */
export class Authenticator {
  constructor(
    private readonly sessions: SessionStore,
    private readonly users: UserStore,
    private readonly live: LiveSessions,
  ) {}

  async userFromCookie(
    cookieHeader: string | undefined,
  ): Promise<{ user: StoredUser; token: string } | undefined> {
    const token = readSessionCookie(cookieHeader)
    if (!token) return undefined
    const found = await this.activeUser(token)
    return found && { user: found.user, token }
  }

  /**
   * For what stays open after the request (a WebSocket, an event stream): the user, and a
   * hold that is told when the session ends, on whichever instance it was ended. Release
   * the hold when the socket or stream closes.
   */
  async holdSession(
    cookieHeader: string | undefined,
  ): Promise<{ user: StoredUser; hold: SessionHold } | undefined> {
    const token = readSessionCookie(cookieHeader)
    if (!token) return undefined
    // Before the read: an end announced after it is then not missed (see LiveSessions).
    const hold = this.live.hold(sessionIdOf(token))
    let found: ActiveUser | undefined
    try {
      found = await this.activeUser(token)
    } catch (err) {
      hold.release()
      throw err
    }
    if (!found || hold.ended) {
      hold.release()
      return undefined
    }
    hold.expireAt(found.expiresAt)
    return { user: found.user, hold }
  }

  /**
   * The account's role as it is now, or undefined once it is deactivated: for what an open
   * stream may still send after a role change.
   */
  async currentRole(userId: string): Promise<Role | undefined> {
    const user = await this.users.byId(userId)
    return user?.active ? user.role : undefined
  }

  private async activeUser(token: string): Promise<ActiveUser | undefined> {
    const session = await this.sessions.find(token)
    if (!session) return undefined
    const user = await this.users.byId(session.userId)
    return user?.active ? { user, expiresAt: session.expiresAt } : undefined
  }
}
