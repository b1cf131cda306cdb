import { Redis } from 'ioredis'
import pino from 'pino'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { RedisCluster } from '../../src/cluster/RedisCluster.js'
import { REDIS_SERVER, startRedis, type TestRedis } from '../utils/redisServer.js'

/** The subscriber link, to act at the moment it is back. */
const subscriberOf = (cluster: RedisCluster) => (cluster as unknown as { sub: Redis }).sub

/** Resolves once `sub` has sent its next subscriptions, with `redis` hung before it could answer. */
const hangOnNextSubscribe = (sub: Redis, redis: TestRedis): Promise<void> => {
  const subscribe = sub.subscribe.bind(sub)
  return new Promise<void>((resolve) => {
    sub.subscribe = ((...channels: string[]) => {
      sub.subscribe = subscribe
      redis.freeze()
      resolve()
      return subscribe(...channels)
    }) as typeof sub.subscribe
  })
}

describe.skipIf(!REDIS_SERVER)('the subscriber link after a Redis outage', () => {
  let redis: TestRedis | undefined
  let cluster: RedisCluster | undefined
  const unhandled: unknown[] = []
  const onUnhandled = (reason: unknown) => unhandled.push(reason)

  afterEach(async () => {
    process.off('unhandledRejection', onUnhandled)
    // A link still retrying a dead Redis would wait for it to quit.
    await Promise.race([cluster?.close(), new Promise((resolve) => setTimeout(resolve, 2000))])
    await redis?.stop()
  })

  it('closing while the subscriptions after an outage are on their way leaves no unhandled rejection', async () => {
    process.on('unhandledRejection', onUnhandled)
    redis = await startRedis()
    const live = redis
    const closing = await RedisCluster.connect(live.url, pino({ level: 'silent' }))
    await closing.joinRoom('doc-1')
    const sent = hangOnNextSubscribe(subscriberOf(closing), live)
    await live.kill()
    await live.start()
    await sent
    // The instance shuts down meanwhile (its QUIT waits on the hung Redis too), then Redis goes.
    const closed = closing.close()
    await live.kill()
    await closed
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(unhandled).toEqual([])
  })

  it('a link that goes again before Redis confirmed the subscriptions leaves no unhandled rejection, and subscribes once Redis is back for good', async () => {
    process.on('unhandledRejection', onUnhandled)
    redis = await startRedis()
    cluster = await RedisCluster.connect(redis.url, pino({ level: 'silent' }))
    const live = redis
    await cluster.joinRoom('doc-1')
    const resyncs = vi.fn()
    cluster.onResyncNeeded(resyncs)
    const sub = subscriberOf(cluster)

    // Redis back, then hung as the link sends its subscriptions (before it can answer them),
    // then gone: the link closes with its SUBSCRIBE still waiting.
    const sent = hangOnNextSubscribe(sub, live)
    await live.kill()
    await live.start()
    await sent
    await live.kill()
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(unhandled).toEqual([])
    expect(resyncs).not.toHaveBeenCalled()

    // Back for good: the events channel and the room's channel, then the rooms catch up.
    await live.start()
    await vi.waitFor(() => expect(resyncs).toHaveBeenCalled(), { timeout: 10_000 })
    const probe = new Redis(live.url)
    try {
      const channels = (await probe.call('PUBSUB', 'CHANNELS')) as string[]
      expect(channels.sort()).toEqual(['accord:events', 'accord:room:doc-1'])
    } finally {
      probe.disconnect()
    }
    expect(unhandled).toEqual([])
  })
})
