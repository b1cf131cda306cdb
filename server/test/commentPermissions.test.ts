import path from 'node:path'
import type { CommentThread, Role } from '@accord/protocol'
import sqlite3 from 'sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { anchorOver } from './utils/anchors.js'
import { newTestClient, type TestClient } from './utils/newTestClient.js'
import { newTestServer, type TestServer } from './utils/newTestServer.js'

const ROLES: Role[] = ['observer', 'member', 'coordinator', 'secretariat']

describe('who may do what with comments', () => {
  let t: TestServer
  let seed: TestClient
  let docId: string
  let anchor: { start: string; end: string }
  const people = {} as Record<Role, { cookie: string; id: string }>
  let outsiderThread: CommentThread

  beforeAll(async () => {
    t = await newTestServer()
    for (const role of ROLES) {
      if (role === 'secretariat') {
        const cookie = await t.adminCookie()
        const me = await t.api<{ user: { id: string } }>('GET', '/api/me', { cookie })
        people[role] = { cookie, id: me.body.user.id }
      } else {
        const u = await t.newUser(role)
        people[role] = { cookie: u.cookie, id: u.user.id }
      }
    }
    docId = await t.newDocument(people.member.cookie)
    seed = newTestClient(t.wsUrl, docId, people.member.cookie)
    await seed.synced()
    seed.type('Статья 1. Доступ к интернету.')
    await new Promise((r) => setTimeout(r, 100))
    anchor = anchorOver(seed.doc, 10, 6)
    // A thread opened by someone else (another member), for the "not the author" cases.
    const outsider = await t.newUser('member', 'Outsider')
    outsiderThread = (
      await t.api<{ thread: CommentThread }>('POST', `/api/documents/${docId}/comments`, {
        cookie: outsider.cookie,
        body: { body: 'чужой комментарий', quote: 'Доступ', anchor },
      })
    ).body.thread
  })
  afterAll(async () => {
    seed.destroy()
    await t.close()
  })

  const call = (role: Role, method: string, path: string, body?: unknown) =>
    t.api<{ thread: CommentThread }>(method, `/api/documents/${docId}/comments${path}`, {
      cookie: people[role].cookie,
      body,
    })

  describe.each(ROLES)('%s', (role) => {
    const mayResolveOthers = role === 'coordinator' || role === 'secretariat'

    it('comments, replies, edits and deletes their own message, resolves and reopens their own thread', async () => {
      const created = await call(role, 'POST', '', { body: `от ${role}`, quote: 'Доступ', anchor })
      expect(created.status).toBe(201)
      const thread = created.body.thread
      expect(thread.messages[0]?.author.id).toBe(people[role].id)
      const replied = await call(role, 'POST', `/${thread.id}/replies`, { body: 'ещё' })
      expect(replied.status).toBe(201)
      const own = replied.body.thread.messages[1]?.id
      expect(
        (await call(role, 'PATCH', `/${thread.id}/messages/${own}`, { body: 'исправлено' })).status,
      ).toBe(200)
      expect((await call(role, 'DELETE', `/${thread.id}/messages/${own}`)).status).toBe(200)
      expect(
        (await call(role, 'PATCH', `/${thread.id}`, { status: 'resolved' })).body.thread.status,
      ).toBe('resolved')
      expect(
        (await call(role, 'PATCH', `/${thread.id}`, { status: 'open' })).body.thread.status,
      ).toBe('open')
    })

    it('replies to another person’s thread but never edits or deletes their message', async () => {
      expect(
        (await call(role, 'POST', `/${outsiderThread.id}/replies`, { body: 'ответ' })).status,
      ).toBe(201)
      const theirs = outsiderThread.messages[0]?.id
      expect(
        (await call(role, 'PATCH', `/${outsiderThread.id}/messages/${theirs}`, { body: 'x' }))
          .status,
      ).toBe(403)
      expect((await call(role, 'DELETE', `/${outsiderThread.id}/messages/${theirs}`)).status).toBe(
        403,
      )
    })

    it(`${mayResolveOthers ? 'may' : 'may not'} resolve another person’s thread`, async () => {
      const res = await call(role, 'PATCH', `/${outsiderThread.id}`, { status: 'resolved' })
      expect(res.status).toBe(mayResolveOthers ? 200 : 403)
      if (mayResolveOthers) await call(role, 'PATCH', `/${outsiderThread.id}`, { status: 'open' })
    })
  })

  it('deleting the last message removes the thread', async () => {
    const created = await call('member', 'POST', '', {
      body: 'одно сообщение',
      quote: 'Доступ',
      anchor,
    })
    const thread = created.body.thread
    expect(
      (await call('member', 'DELETE', `/${thread.id}/messages/${thread.messages[0]?.id}`)).status,
    ).toBe(204)
    const listed = await t.api<{ threads: CommentThread[] }>(
      'GET',
      `/api/documents/${docId}/comments`,
      {
        cookie: people.member.cookie,
      },
    )
    expect(listed.body.threads.map((x) => x.id)).not.toContain(thread.id)
  })

  it('writes every action to the audit log: who, what, when', async () => {
    const rows = await new Promise<{ user_id: string; action: string; at: string }[]>(
      (resolve, reject) => {
        const db = new sqlite3.Database(
          path.join(t.dataDir, 'accord.sqlite'),
          sqlite3.OPEN_READONLY,
        )
        db.all(
          "SELECT user_id, action, at FROM audit_log WHERE action LIKE 'comment.%'",
          (err, r) => {
            db.close()
            if (err) reject(err)
            else resolve(r as { user_id: string; action: string; at: string }[])
          },
        )
      },
    )
    const actions = new Set(rows.map((r) => r.action))
    for (const action of [
      'comment.created',
      'comment.replied',
      'comment.edited',
      'comment.deleted',
      'comment.resolved',
      'comment.reopened',
    ]) {
      expect(actions).toContain(action)
    }
    expect(rows.filter((r) => r.action === 'comment.created').map((r) => r.user_id)).toEqual(
      expect.arrayContaining(ROLES.map((role) => people[role].id)),
    )
    expect(rows.every((r) => !Number.isNaN(Date.parse(r.at)))).toBe(true)
  })
})
