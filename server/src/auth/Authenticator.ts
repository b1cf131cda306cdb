import type { SessionStore } from '../store/SessionStore.js'
import type { StoredUser, UserStore } from '../store/UserStore.js'
import { readSessionCookie } from './sessionCookie.js'

/** Turns a Cookie header into the signed-in, active user; shared by the HTTP API and the WebSocket upgrade. */
export class Authenticator {
  constructor(
    private readonly sessions: SessionStore,
    private readonly users: UserStore,
  ) {}

  async userFromCookie(
    cookieHeader: string | undefined,
  ): Promise<{ user: StoredUser; token: string } | undefined> {
    const token = readSessionCookie(cookieHeader)
    if (!token) return undefined
    const userId = await this.sessions.userIdFor(token)
    if (!userId) return undefined
    const user = await this.users.byId(userId)
    return user?.active ? { user, token } : undefined
  }
}
