/**
 * A token bucket: `perSecond` on average, bursts up to `burst`. It may be spent into debt
 * (a cost larger than what is left, e.g. one large answer), which the refill then pays off
 * before anything else is allowed.
 */
export class RateLimiter {
  private tokens: number
  private last = performance.now()

  constructor(
    private readonly perSecond: number,
    private readonly burst: number = perSecond * 2,
  ) {
    this.tokens = burst
  }

  /** Tokens now (negative while in debt). */
  available(): number {
    const now = performance.now()
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.perSecond)
    this.last = now
    return this.tokens
  }

  /** Takes `cost` tokens, going into debt if there are fewer. */
  spend(cost: number): void {
    this.tokens = this.available() - cost
  }

  /** Milliseconds until `cost` tokens are available (0 if they are now). */
  waitMs(cost: number): number {
    const missing = Math.min(cost, this.burst) - this.available()
    return missing <= 0 ? 0 : (missing / this.perSecond) * 1000
  }
}
