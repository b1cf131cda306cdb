import { afterAll, beforeAll } from 'vitest'
import { newTestServer, type TestServer } from './newTestServer.js'
import { freshPostgresDatabase } from './postgres.js'
import { startRedis, type TestRedis } from './redisServer.js'

export interface TwoInstances {
  a: TestServer
  b: TestServer
  redis: TestRedis
  /** What the instances were started with: a third one joins with it. */
  env: Record<string, string>
}

/**
 * Two real instances on one fresh PostgreSQL database and one Redis, for the whole `describe`
 * (call it inside one that is skipped without PostgreSQL or Redis); read them in the tests.
 */
export const useTwoInstances = (): TwoInstances => {
  const instances = {} as TwoInstances
  let database: Awaited<ReturnType<typeof freshPostgresDatabase>> | undefined

  beforeAll(async () => {
    database = await freshPostgresDatabase()
    instances.redis = await startRedis()
    instances.env = { DATABASE_URL: database.url, REDIS_URL: instances.redis.url }
    instances.a = await newTestServer(instances.env)
    instances.b = await newTestServer(instances.env)
  })

  afterAll(async () => {
    await instances.a?.close()
    await instances.b?.close()
    await instances.redis?.stop()
    await database?.drop()
  })

  return instances
}
