/**
 * Work done every so often (digests, review-round deadlines): never two runs at once, a
 * failed run reported and the next one tried at its time; `stop` waits for the run under way.
 */
export class PeriodicTask {
  private timer: NodeJS.Timeout | undefined
  private running: Promise<void> | undefined

  constructor(
    private readonly work: () => Promise<void>,
    private readonly onError: (err: unknown) => void,
  ) {}

  /** Runs every `everyMs` (and at once with `now`); the timer keeps no process alive. */
  start(everyMs: number, { now = false }: { now?: boolean } = {}): void {
    if (now) void this.run()
    this.timer = setInterval(() => void this.run(), everyMs)
    this.timer.unref()
  }

  /** One run now, or the one under way. */
  run(): Promise<void> {
    this.running ??= this.work()
      .catch(this.onError)
      .finally(() => {
        this.running = undefined
      })
    return this.running
  }

  async stop(): Promise<void> {
    clearInterval(this.timer)
    await this.running
  }
}
