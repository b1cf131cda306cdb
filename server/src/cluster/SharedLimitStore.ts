import {
  type ClientRateLimitInfo,
  type IncrementResponse,
  MemoryStore,
  type Options,
  type Store,
} from 'express-rate-limit'
import type { Redis } from 'ioredis'
import { type RedisReply, RedisStore } from 'rate-limit-redis'
import type { Logger } from '../logger.js'

/** How long a count waits for Redis before counting here instead. */
const ANSWER_WAIT_MS = 500

/**
 * A rate limit's counts in Redis, so every instance counts the same attempts. While Redis
 * is away the counting goes on in this process (as with one instance) rather than letting
 * everything through or refusing everyone; it returns to Redis as soon as Redis answers.
 */
export class SharedLimitStore implements Store {
  readonly localKeys = false
  private readonly shared: RedisStore
  private readonly here = new MemoryStore()
  private options: Options | undefined
  private ready: Promise<void> | undefined
  private away = false

  constructor(
    redis: Redis,
    private readonly name: string,
    private readonly logger: Logger,
  ) {
    this.shared = new RedisStore({
      prefix: `accord:limit:${name}:`,
      sendCommand: (command: string, ...args: string[]) =>
        redis.call(command, ...args) as Promise<RedisReply>,
    })
  }

  init(options: Options): void {
    this.options = options
    this.here.init(options)
    this.ready = this.loadShared()
    // Awaited by the first count; a failure here must not end the process.
    this.ready.catch(() => undefined)
  }

  async increment(key: string): Promise<IncrementResponse> {
    return this.either(
      (store) => store.increment(key),
      () => this.here.increment(key),
    )
  }

  async decrement(key: string): Promise<void> {
    await this.either(
      (store) => store.decrement(key),
      () => this.here.decrement(key),
    )
  }

  async resetKey(key: string): Promise<void> {
    await Promise.all([
      this.either(
        (store) => store.resetKey(key),
        async () => undefined,
      ),
      this.here.resetKey(key),
    ])
  }

  async get(key: string): Promise<ClientRateLimitInfo | undefined> {
    return this.either(
      (store) => store.get(key),
      () => this.here.get(key),
    )
  }

  shutdown(): void {
    this.here.shutdown()
  }

  /** Loads the store's scripts; a failure is tried again on the next count. */
  private async loadShared(): Promise<void> {
    if (this.options) await this.shared.init(this.options)
  }

  private async either<T>(
    onShared: (store: RedisStore) => Promise<T>,
    onHere: () => Promise<T>,
  ): Promise<T> {
    let timer: NodeJS.Timeout | undefined
    // A Redis that is connected but does not answer must not hold sign-ins up either.
    const tooLate = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new Error('Redis did not answer in time')), ANSWER_WAIT_MS)
    })
    try {
      this.ready ??= this.loadShared()
      const result = await Promise.race([this.ready.then(() => onShared(this.shared)), tooLate])
      if (this.away) {
        this.away = false
        this.logger.info({ limit: this.name }, 'Rate limit counted in Redis again')
      }
      return result
    } catch (err) {
      // Scripts a restarted Redis lost are loaded again on the next count.
      this.ready = undefined
      if (!this.away) {
        this.away = true
        this.logger.warn(
          { limit: this.name, err: (err as Error).message },
          'Redis is away; this rate limit counts on this instance alone meanwhile',
        )
      }
      return onHere()
    } finally {
      clearTimeout(timer)
    }
  }
}
