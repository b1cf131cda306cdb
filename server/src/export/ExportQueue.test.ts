import { describe, expect, it } from 'vitest'
import { ExportQueue, ExportQueueClosed, ExportsBusy } from './ExportQueue.js'

/** Whether a promise has settled, seen after the microtasks already queued have run. */
const settled = async (promise: Promise<unknown>): Promise<boolean> => {
  let done = false
  promise.then(
    () => {
      done = true
    },
    () => {
      done = true
    },
  )
  await new Promise((resolve) => setImmediate(resolve))
  return done
}

const busy = (work: () => unknown): ExportsBusy => {
  try {
    work()
  } catch (err) {
    if (err instanceof ExportsBusy) return err
    throw err
  }
  throw new Error('expected ExportsBusy')
}

describe('ExportQueue', () => {
  it('starts as many as there are workers, queues the next ones in order, and refuses past the queue', async () => {
    const queue = new ExportQueue({ running: 2, waiting: 2, perAccount: 10 })
    const a = queue.enter('a')
    const b = queue.enter('b')
    const c = queue.enter('c')
    const d = queue.enter('d')
    expect(await settled(a.turn)).toBe(true)
    expect(await settled(b.turn)).toBe(true)
    expect(await settled(c.turn)).toBe(false)
    const refused = busy(() => queue.enter('e'))
    expect(refused.scope).toBe('server')
    expect(refused.retryAfterSeconds).toBeGreaterThanOrEqual(1)

    b.release()
    expect(await settled(c.turn)).toBe(true)
    expect(await settled(d.turn)).toBe(false)
    a.release()
    expect(await settled(d.turn)).toBe(true)
    // Released twice counts once: the other places stay taken.
    a.release()
    queue.enter('f')
    queue.enter('g')
    expect(() => queue.enter('h')).toThrow(ExportsBusy)
  })

  it('holds one account to its places, waiting ones included, while others go on', async () => {
    const queue = new ExportQueue({ running: 1, waiting: 8, perAccount: 2 })
    const first = queue.enter('member')
    const second = queue.enter('member')
    expect(await settled(second.turn)).toBe(false)
    const refused = busy(() => queue.enter('member'))
    expect(refused.scope).toBe('account')
    const other = queue.enter('observer')
    first.release()
    expect(await settled(second.turn)).toBe(true)
    expect(() => queue.enter('member')).not.toThrow()
    second.release()
    expect(await settled(other.turn)).toBe(true)
  })

  it('gives a waiting place back without taking a worker when its export is abandoned', async () => {
    const queue = new ExportQueue({ running: 1, waiting: 1, perAccount: 5 })
    const running = queue.enter('a')
    const waiting = queue.enter('a')
    waiting.release()
    const next = queue.enter('b')
    expect(await settled(next.turn)).toBe(false)
    running.release()
    expect(await settled(next.turn)).toBe(true)
  })

  it('on close, fails those waiting and refuses new ones', async () => {
    const queue = new ExportQueue({ running: 1, waiting: 2, perAccount: 5 })
    const running = queue.enter('a')
    const waiting = queue.enter('b')
    queue.close()
    await expect(waiting.turn).rejects.toBeInstanceOf(ExportQueueClosed)
    expect(() => queue.enter('c')).toThrow(ExportQueueClosed)
    waiting.release()
    running.release()
  })
})
