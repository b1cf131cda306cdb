import { createHmac, timingSafeEqual } from 'node:crypto'

/**
 * Signed one-click unsubscribe tokens (RFC 8058): who, and from which kind of mail ("all"
 * for every kind). They never expire: an unsubscribe link must work in a year-old mail.
 */
export class UnsubscribeTokens {
  constructor(private readonly key: Buffer) {}

  sign(userId: string, kind: string): string {
    const payload = Buffer.from(`${userId}.${kind}`).toString('base64url')
    return `${payload}.${this.mac(payload)}`
  }

  /** The person and kind, or undefined for a token this installation did not sign. */
  verify(token: string): { userId: string; kind: string } | undefined {
    const [payload, mac, extra] = token.split('.')
    if (!payload || !mac || extra !== undefined) return undefined
    const expected = Buffer.from(this.mac(payload))
    const given = Buffer.from(mac)
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined
    const [userId, kind] = Buffer.from(payload, 'base64url').toString().split('.')
    return userId && kind ? { userId, kind } : undefined
  }

  private mac(payload: string): string {
    return createHmac('sha256', this.key).update(payload).digest('base64url')
  }
}
