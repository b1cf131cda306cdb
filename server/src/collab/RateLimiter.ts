/** A token bucket: `perSecond` on average, bursts up to `burst`. */
export class RateLimiter {
  private tokens: number
  private last = performance.now()

  constructor(
    private readonly perSecond: number,
    private readonly burst: number = perSecond * 2,
  ) {
    this.tokens = burst
  }

  /** Takes `cost` tokens (default one); false, taking nothing, when the bucket holds fewer. */
  take(cost = 1): boolean {
    const now = performance.now()
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.perSecond)
    this.last = now
    if (this.tokens < cost) return false
    this.tokens -= cost
    return true
  }
}
