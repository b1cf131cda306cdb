import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { ErrorCode, type PresenceUser, ROLES, type Role } from '@accord/protocol'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { outcome } from '../../test/utils/documentsHarness.js'
import { hashPassword } from '../auth/password.js'
import { SetupToken } from '../auth/SetupToken.js'
import { NotificationSettingsStore } from '../notifications/NotificationSettingsStore.js'
import { AuditLog } from '../store/AuditLog.js'
import type { Database } from '../store/Database.js'
import {
  INVITATION_LINKS,
  OneTimeLinkStore,
  PASSWORD_RESET_LINKS,
} from '../store/OneTimeLinkStore.js'
import { SessionStore } from '../store/SessionStore.js'
import { openSqlite } from '../store/sqlite/openSqlite.js'
import { type StoredUser, UserStore } from '../store/UserStore.js'
import { accountOperations } from './accountOperations.js'

const PASSWORD = 'seven unrelated words here'

// Password hashing is slow on purpose (seconds on a loaded machine); several per test.
describe('account operations, without HTTP', { timeout: 120_000 }, () => {
  let dataDir: string
  let db: Database & { close(): Promise<void> }
  let accounts: ReturnType<typeof accountOperations>
  let audit: AuditLog
  const people = {} as Record<Role, StoredUser>
  const announcedUsers: { userId: string; user: PresenceUser | null }[] = []
  const endedSessions: string[][] = []

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-accounts-'))
    db = await openSqlite(dataDir)
    const users = new UserStore(db)
    audit = new AuditLog(db)
    accounts = accountOperations({
      users,
      sessions: new SessionStore(db, 60_000),
      invitations: new OneTimeLinkStore(db, INVITATION_LINKS),
      audit,
      setup: new SetupToken(),
      announceUser: (userId, user) => announcedUsers.push({ userId, user }),
      announceSessionsEnded: (ids) => endedSessions.push(ids),
      invitationUrl: (token) => `https://drafts.example.org/invite/${token}`,
      passwordResets: new OneTimeLinkStore(db, PASSWORD_RESET_LINKS),
      resetUrl: (token) => `https://drafts.example.org/reset/${token}`,
      mailer: undefined,
      notificationSettings: new NotificationSettingsStore(db),
    })
    // One hash for everyone: hashing is slow on purpose.
    const passwordHash = await hashPassword(PASSWORD)
    for (const role of ROLES) {
      people[role] = (await users.create({
        email: `${role}@example.org`,
        name: role,
        role,
        passwordHash,
      })) as StoredUser
    }
  }, 120_000)
  afterAll(async () => {
    await db.close()
    fs.rmSync(dataDir, { recursive: true, force: true })
  })

  it('only the secretariat lists, creates, changes and invites accounts', async () => {
    const results = await Promise.all(
      ROLES.map(async (role) =>
        [
          await outcome(accounts.listUsers(people[role])),
          await outcome(
            accounts.createUser(people[role], {
              email: `new-by-${role}@example.org`,
              name: 'New',
              role: 'member',
            }),
          ),
          await outcome(accounts.inviteUser(people[role], people.member.id)),
        ].join(' '),
      ),
    )
    const no = `forbidden:${ErrorCode.forbidden}`
    expect(results).toEqual([
      `${no} ${no} ${no}`,
      `${no} ${no} ${no}`,
      `${no} ${no} ${no}`,
      'ok ok ok',
    ])
  })

  it('an account created without a password gets an invitation link; the creation is audited', async () => {
    const created = await accounts.createUser(people.secretariat, {
      email: 'invited@example.org',
      name: 'Invited',
      role: 'observer',
    })
    expect(created.invitationUrl).toMatch(/^https:\/\/drafts\.example\.org\/invite\//)
    expect(created.user).not.toHaveProperty('passwordHash')
    const [entry] = await audit.list({ limit: 1 })
    expect(entry).toMatchObject({
      action: 'user.created',
      user: { id: people.secretariat.id },
      details: { userId: created.user.id, role: 'observer' },
    })
    expect(
      await outcome(
        accounts.createUser(people.secretariat, {
          email: 'invited@example.org',
          name: 'Again',
          role: 'observer',
        }),
      ),
    ).toBe(`conflict:${ErrorCode.emailTaken}`)
  })

  it('deactivating ends every session, is announced to every instance and audited; never one’s own', async () => {
    const { user } = await accounts.createUser(people.secretariat, {
      email: 'leaving@example.org',
      name: 'Leaving',
      role: 'member',
      password: PASSWORD,
    })
    const { sessionToken } = await accounts.signIn({
      email: 'leaving@example.org',
      password: PASSWORD,
    })
    expect(sessionToken).toBeTruthy()
    await accounts.updateUser(people.secretariat, user.id, { active: false })
    expect(endedSessions.at(-1)).toHaveLength(1)
    expect(announcedUsers.at(-1)).toEqual({ userId: user.id, user: null })
    expect(
      await outcome(accounts.signIn({ email: 'leaving@example.org', password: PASSWORD })),
    ).toBe(`unauthenticated:${ErrorCode.badCredentials}`)
    expect(
      await outcome(
        accounts.updateUser(people.secretariat, people.secretariat.id, { active: false }),
      ),
    ).toBe(`conflict:${ErrorCode.conflict}`)
  })

  it('a password change needs the current one and a strong new one; other sessions end', async () => {
    const member = people.member
    const { sessionToken } = await accounts.signIn({ email: member.email, password: PASSWORD })
    await accounts.signIn({ email: member.email, password: PASSWORD })
    expect(
      await outcome(
        accounts.changePassword(member, sessionToken, {
          currentPassword: 'wrong password',
          newPassword: 'another five words now',
        }),
      ),
    ).toBe(`forbidden:${ErrorCode.badCredentials}`)
    expect(
      await outcome(
        accounts.changePassword(member, sessionToken, {
          currentPassword: PASSWORD,
          newPassword: 'password',
        }),
      ),
    ).toBe(`invalid:${ErrorCode.weakPassword}`)
    const ended = endedSessions.length
    await accounts.changePassword(member, sessionToken, {
      currentPassword: PASSWORD,
      newPassword: 'another five words now',
    })
    expect(endedSessions.slice(ended)).toEqual([[expect.any(String)]])
    const [entry] = await audit.list({ limit: 1 })
    expect(entry).toMatchObject({ action: 'user.passwordChanged', user: { id: member.id } })
  })
})
