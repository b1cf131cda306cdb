/** How many imports each account has running; beyond `perAccount` a new one is refused. */
export class ImportSlots {
  private readonly running = new Map<string, number>()

  constructor(private readonly perAccount: number) {}

  /** Takes a place for `userId`; false when it already has `perAccount` imports running. */
  take(userId: string): boolean {
    const count = this.running.get(userId) ?? 0
    if (count >= this.perAccount) return false
    this.running.set(userId, count + 1)
    return true
  }

  release(userId: string): void {
    const count = (this.running.get(userId) ?? 1) - 1
    if (count <= 0) this.running.delete(userId)
    else this.running.set(userId, count)
  }
}
