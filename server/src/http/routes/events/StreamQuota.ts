/**
 * Counts open event streams per account and in all, so one account cannot hold thousands
 * (each one is sent every comment in full). `take` answers a slot to give back, or why not.
 */
export class StreamQuota {
  private readonly perAccount = new Map<string, number>()
  private total = 0

  constructor(
    private readonly maxPerAccount: number,
    private readonly maxTotal: number,
  ) {}

  take(accountId: string): { release(): void } | 'account' | 'instance' {
    const held = this.perAccount.get(accountId) ?? 0
    if (held >= this.maxPerAccount) return 'account'
    if (this.total >= this.maxTotal) return 'instance'
    this.perAccount.set(accountId, held + 1)
    this.total++
    let released = false
    return {
      release: () => {
        if (released) return
        released = true
        this.total--
        const left = (this.perAccount.get(accountId) ?? 1) - 1
        if (left > 0) this.perAccount.set(accountId, left)
        else this.perAccount.delete(accountId)
      },
    }
  }
}
