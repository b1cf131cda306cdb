import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createLogger } from '../../src/logger.js'
import { MailOutbox } from '../../src/mail/MailOutbox.js'
import { OneTimeLinkStore, PASSWORD_RESET_LINKS } from '../../src/store/OneTimeLinkStore.js'
import { openStorage, type Storage } from '../../src/store/openStorage.js'
import { UserStore } from '../../src/store/UserStore.js'
import { freshPostgresDatabase, POSTGRES_URL } from '../utils/postgres.js'

const MAILS = 400
const CLAIMERS = 6

/**
 * Several instances' senders claiming from one outbox at once, each through its own
 * connection pool: every mail is claimed by exactly one of them.
 */
describe.skipIf(!POSTGRES_URL)('mail outbox claims on PostgreSQL', () => {
  let database: Awaited<ReturnType<typeof freshPostgresDatabase>>
  const storages: Storage[] = []

  beforeAll(async () => {
    database = await freshPostgresDatabase()
    for (let i = 0; i < CLAIMERS; i++) {
      storages.push(
        await openStorage({ databaseUrl: database.url, dataDir: '' }, createLogger('silent')),
      )
    }
  })
  afterAll(async () => {
    for (const s of storages) await s.close()
    await database?.drop()
  })

  it(`hands each of ${MAILS} mails to exactly one of ${CLAIMERS} concurrent claimers`, async () => {
    const outboxes = storages.map((s) => new MailOutbox(s.db, 'accord.test'))
    const first = outboxes[0] as MailOutbox
    const db = (storages[0] as Storage).db
    const now = Date.now()
    for (let i = 0; i < MAILS; i++) {
      await first.enqueue(db, { to: `p${i}@example.org`, subject: `${i}`, text: '', html: '' }, now)
    }
    const claimed = await Promise.all(
      outboxes.map(async (outbox) => {
        const mine: string[] = []
        for (;;) {
          const batch = await outbox.claim(5, 60_000, now)
          if (batch.length === 0) return mine
          mine.push(...batch.map((m) => m.id))
        }
      }),
    )
    const all = claimed.flat()
    expect(all).toHaveLength(MAILS)
    expect(new Set(all).size).toBe(MAILS)
    // The work was shared, not taken by one claimer alone.
    expect(claimed.filter((mine) => mine.length > 0).length).toBeGreaterThan(1)
  })

  it('a reset link stops working after an hour', async () => {
    const db = (storages[0] as Storage).db
    const user = await new UserStore(db).create({
      email: 'late@example.org',
      name: 'Late',
      role: 'member',
      passwordHash: null,
    })
    const resets = new OneTimeLinkStore(db, PASSWORD_RESET_LINKS)
    const stale = await resets.create(
      user?.id as string,
      Date.now() - PASSWORD_RESET_LINKS.lifetimeMs - 60_000,
    )
    const fresh = await resets.create(user?.id as string)
    expect(await resets.userIdFor(stale)).toBeUndefined()
    expect(await resets.consume(stale)).toBe(false)
    expect(await resets.userIdFor(fresh)).toBe(user?.id)
  })
})
