/**
 * One timer for every document's saver: savers with something to write join the next tick of
 * a grid of `everyMs` (the same instants in every process, multiples of `everyMs` since the
 * epoch), and at that tick each is called once. With many open documents this is one timer
 * per tick instead of one per document, and the store still writes all of one tick's appends
 * together (SqlDocumentStore batches what arrives in one turn).
 */
export class FlushGrid {
  private readonly waiting = new Set<() => void>()
  private timer: NodeJS.Timeout | undefined

  constructor(private readonly everyMs: number) {}

  /** Calls `run` at the next tick (once, however often it joins before then). */
  join(run: () => void): void {
    this.waiting.add(run)
    this.timer ??= setTimeout(this.tick, this.everyMs - (Date.now() % this.everyMs))
  }

  /** `run` no longer wants the next tick. */
  leave(run: () => void): void {
    this.waiting.delete(run)
    if (this.waiting.size === 0 && this.timer) {
      clearTimeout(this.timer)
      this.timer = undefined
    }
  }

  private readonly tick = (): void => {
    this.timer = undefined
    const due = [...this.waiting]
    this.waiting.clear()
    for (const run of due) run()
  }
}

const grids = new Map<number, FlushGrid>()

/** The process's grid of `everyMs` (> 0), shared by every saver with that interval. */
export const flushGridOf = (everyMs: number): FlushGrid => {
  let grid = grids.get(everyMs)
  if (!grid) {
    grid = new FlushGrid(everyMs)
    grids.set(everyMs, grid)
  }
  return grid
}
