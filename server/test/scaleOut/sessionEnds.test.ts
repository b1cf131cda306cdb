import { describe } from 'vitest'
import { POSTGRES_URL } from '../utils/postgres.js'
import { REDIS_SERVER } from '../utils/redisServer.js'
import { sessionEndCases } from '../utils/sessionEndCases.js'
import { useTwoInstances } from '../utils/twoInstances.js'

/** The person acts on instance A; their sockets and event streams are open on instance B. */
describe.skipIf(!POSTGRES_URL || !REDIS_SERVER)(
  'a session that ends, ends at once on every instance (two instances on PostgreSQL and Redis)',
  () => {
    const instances = useTwoInstances()
    sessionEndCases({
      actOn: () => instances.a,
      openOn: () => instances.b,
      all: () => [instances.a, instances.b],
    })
  },
)
