import { afterAll, beforeAll, describe } from 'vitest'
import { newTestServer, type TestServer } from '../utils/newTestServer.js'
import { freshPostgresDatabase, POSTGRES_URL } from '../utils/postgres.js'
import { REDIS_SERVER, startRedis, type TestRedis } from '../utils/redisServer.js'
import { sessionEndCases } from '../utils/sessionEndCases.js'

/** The person acts on instance A; their sockets and event streams are open on instance B. */
describe.skipIf(!POSTGRES_URL || !REDIS_SERVER)(
  'a session that ends, ends at once on every instance (two instances on PostgreSQL and Redis)',
  () => {
    let database: Awaited<ReturnType<typeof freshPostgresDatabase>>
    let redis: TestRedis
    let a: TestServer
    let b: TestServer

    beforeAll(async () => {
      database = await freshPostgresDatabase()
      redis = await startRedis()
      const env = { DATABASE_URL: database.url, REDIS_URL: redis.url }
      a = await newTestServer(env)
      b = await newTestServer(env)
    })

    afterAll(async () => {
      await a?.close()
      await b?.close()
      await redis?.stop()
      await database?.drop()
    })

    sessionEndCases({ actOn: () => a, openOn: () => b, all: () => [a, b] })
  },
)
