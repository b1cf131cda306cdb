import { timingSafeEqual } from 'node:crypto'
import { newToken } from '../store/ids.js'

/**
 * The one-time link that creates the first secretariat account in the
 * browser, when the server starts with no accounts and no ADMIN_EMAIL.
 * It lives in memory only: a restart prints a fresh one.
 */
export class SetupToken {
  private token: string | undefined

  issue(): string {
    this.token = newToken()
    return this.token
  }

  get pending(): boolean {
    return this.token !== undefined
  }

  /** True once, for the right token; the token is then gone. */
  consume(candidate: string): boolean {
    if (!this.token) return false
    const a = Buffer.from(candidate)
    const b = Buffer.from(this.token)
    if (a.length !== b.length || !timingSafeEqual(a, b)) return false
    this.token = undefined
    return true
  }
}
