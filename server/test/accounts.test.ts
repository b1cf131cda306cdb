import { CloseCode } from '@accord/protocol'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { newTestClient } from './utils/newTestClient.js'
import { newTestServer, type TestServer } from './utils/newTestServer.js'

describe('accounts, sessions and roles', () => {
  let t: TestServer
  beforeEach(async () => {
    t = await newTestServer()
  })
  afterEach(() => t.close())

  it('lets only the secretariat manage accounts', async () => {
    const coordinator = await t.newUser('coordinator')
    const res = await t.api('POST', '/api/users', {
      cookie: coordinator.cookie,
      body: { email: 'x@example.org', name: 'X', role: 'member', password: 'long enough pass' },
    })
    expect(res.status).toBe(403)
    expect((await t.api('GET', '/api/users', { cookie: coordinator.cookie })).status).toBe(403)
    const dup = await t.api('POST', '/api/users', {
      cookie: await t.adminCookie(),
      body: { email: coordinator.email, name: 'Again', role: 'member' },
    })
    expect(dup.status).toBe(409)
  })

  it('creates an account with a one-time invitation link that sets the password once', async () => {
    const admin = await t.adminCookie()
    const created = await t.api<{ invitationUrl: string }>('POST', '/api/users', {
      cookie: admin,
      body: { email: 'Invited@Example.org', name: 'Invited', role: 'member' },
    })
    expect(created.status).toBe(201)
    const token = created.body.invitationUrl.split('/invite/')[1] as string
    expect(created.body.invitationUrl.startsWith(`${t.url}/invite/`)).toBe(true)
    expect((await t.api('GET', `/api/invitations/${token}`)).body).toEqual({
      email: 'invited@example.org',
      name: 'Invited',
    })
    const accepted = await t.api('POST', `/api/invitations/${token}`, {
      body: { password: 'my own passphrase' },
    })
    expect(accepted.status).toBe(200)
    expect(accepted.headers.get('set-cookie')).toMatch(/accord_session=/)
    expect(
      (await t.api('POST', `/api/invitations/${token}`, { body: { password: 'another one!' } }))
        .status,
    ).toBe(404)
    await t.signIn('invited@example.org', 'my own passphrase')
  })

  it('deactivating an account ends its sessions and open sockets at once', async () => {
    const member = await t.newUser('member')
    const docId = await t.newDocument(member.cookie)
    const client = newTestClient(t.wsUrl, docId, member.cookie)
    await client.synced()
    const closes: number[] = []
    client.provider.on('connection-close', (event) => {
      if (event) closes.push(event.code)
    })
    const res = await t.api('PATCH', `/api/users/${member.user.id}`, {
      cookie: await t.adminCookie(),
      body: { active: false },
    })
    expect(res.status).toBe(200)
    await vi.waitFor(() => expect(closes).toContain(CloseCode.unauthorized.code))
    expect((await t.api('GET', '/api/me', { cookie: member.cookie })).status).toBe(401)
    client.destroy()
    const again = await t.api('POST', '/api/session', {
      body: { email: member.email, password: member.password },
    })
    expect(again.status).toBe(401)
  })

  it('the secretariat cannot lock itself out', async () => {
    const admin = await t.adminCookie()
    const me = await t.api<{ user: { id: string } }>('GET', '/api/me', { cookie: admin })
    const res = await t.api('PATCH', `/api/users/${me.body.user.id}`, {
      cookie: admin,
      body: { active: false },
    })
    expect(res.status).toBe(409)
  })

  it('changing the password ends the other sessions', async () => {
    const member = await t.newUser('member')
    const second = await t.signIn(member.email, member.password)
    const res = await t.api('POST', '/api/me/password', {
      cookie: member.cookie,
      body: { currentPassword: member.password, newPassword: 'a brand new passphrase' },
    })
    expect(res.status).toBe(204)
    expect((await t.api('GET', '/api/me', { cookie: member.cookie })).status).toBe(200)
    expect((await t.api('GET', '/api/me', { cookie: second })).status).toBe(401)
  })

  describe('a reset link stops working once it is no longer the way in', () => {
    const issueLink = async (userId: string) => {
      const res = await t.api<{ invitationUrl: string }>(
        'POST',
        `/api/users/${userId}/invitation`,
        { cookie: await t.adminCookie(), body: {} },
      )
      expect(res.status).toBe(201)
      return res.body.invitationUrl.split('/invite/')[1] as string
    }
    const linkWorks = async (token: string) => {
      const shown = await t.api('GET', `/api/invitations/${token}`)
      const used = await t.api('POST', `/api/invitations/${token}`, {
        body: { password: 'whoever holds the link' },
      })
      return { shown: shown.status, used: used.status, code: used.body }
    }
    const refused = {
      shown: 404,
      used: 404,
      code: { error: expect.objectContaining({ code: 'token_invalid' }) },
    }

    it('after the person changed their password', async () => {
      const member = await t.newUser('member')
      const token = await issueLink(member.user.id)
      const changed = await t.api('POST', '/api/me/password', {
        cookie: member.cookie,
        body: { currentPassword: member.password, newPassword: 'changed since the link' },
      })
      expect(changed.status).toBe(204)
      expect(await linkWorks(token)).toEqual(refused)
      await t.signIn(member.email, 'changed since the link')
    })

    it('once it has been used', async () => {
      const member = await t.newUser('member')
      const token = await issueLink(member.user.id)
      expect(
        (
          await t.api('POST', `/api/invitations/${token}`, {
            body: { password: 'set through the link' },
          })
        ).status,
      ).toBe(200)
      expect(await linkWorks(token)).toEqual(refused)
      await t.signIn(member.email, 'set through the link')
    })

    it('after the account was deactivated, also once it is active again', async () => {
      const member = await t.newUser('member')
      const token = await issueLink(member.user.id)
      const admin = await t.adminCookie()
      const deactivate = (active: boolean) =>
        t.api('PATCH', `/api/users/${member.user.id}`, { cookie: admin, body: { active } })
      expect((await deactivate(false)).status).toBe(200)
      expect((await deactivate(true)).status).toBe(200)
      expect(await linkWorks(token)).toEqual(refused)
      await t.signIn(member.email, member.password)
    })
  })

  it('remembers the interface language per account', async () => {
    const member = await t.newUser('member')
    const res = await t.api('PATCH', '/api/me', {
      cookie: member.cookie,
      body: { language: 'ru', name: 'Мария' },
    })
    expect(res.body).toMatchObject({ user: { language: 'ru', name: 'Мария' } })
    expect((await t.api('GET', '/api/me', { cookie: member.cookie })).body).toMatchObject({
      user: { language: 'ru' },
    })
  })

  it('enforces who may create, rename and move documents', async () => {
    const observer = await t.newUser('observer')
    const member = await t.newUser('member')
    const coordinator = await t.newUser('coordinator')
    expect(
      (await t.api('POST', '/api/documents', { cookie: observer.cookie, body: { title: 'x' } }))
        .status,
    ).toBe(403)
    const id = await t.newDocument(member.cookie, 'Стандарт')
    const patch = (cookie: string, body: object) =>
      t.api('PATCH', `/api/documents/${id}`, { cookie, body })
    expect((await patch(observer.cookie, { title: 'y' })).status).toBe(403)
    expect((await patch(member.cookie, { title: 'Стандарт, ред. 2' })).status).toBe(200)
    expect((await patch(member.cookie, { status: 'review' })).status).toBe(403)
    expect((await patch(coordinator.cookie, { status: 'review' })).status).toBe(200)
    expect((await patch(coordinator.cookie, { status: 'final' })).status).toBe(403)
    const final = await patch(await t.adminCookie(), { status: 'final' })
    expect(final.body).toMatchObject({ status: 'final', title: 'Стандарт, ред. 2' })
    expect((await patch(member.cookie, { title: 'z' })).status).toBe(409)
    const list = await t.api<{ documents: { title: string }[] }>(
      'GET',
      '/api/documents?q=стандарт',
      {
        cookie: member.cookie,
      },
    )
    expect(list.body.documents.map((d) => d.title)).toEqual(['Стандарт, ред. 2'])
  })

  it('a final document keeps its title, whatever else the same request asks', async () => {
    const member = await t.newUser('member')
    const admin = await t.adminCookie()
    const id = await t.newDocument(member.cookie, 'Стандарт')
    const patch = (cookie: string, body: object) =>
      t.api('PATCH', `/api/documents/${id}`, { cookie, body })
    const current = async () =>
      (
        await t.api<{ title: string; status: string }>('GET', `/api/documents/${id}`, {
          cookie: admin,
        })
      ).body

    // Nothing of a refused request is applied, whichever part was refused.
    expect((await patch(member.cookie, { title: 'Переименован', status: 'final' })).status).toBe(
      403,
    )
    expect(await current()).toMatchObject({ title: 'Стандарт', status: 'draft' })
    expect((await patch(admin, { status: 'final' })).status).toBe(200)

    // Naming the status it already has does not make a rename of a final document allowed.
    const renamed = await patch(member.cookie, { title: 'X', status: 'final' })
    expect(renamed.status).toBe(409)
    expect(renamed.body).toMatchObject({ error: { code: 'document_final' } })
    expect((await patch(admin, { title: 'X', status: 'final' })).status).toBe(409)
    // Reopening and renaming in one request: reopen first.
    expect((await patch(admin, { title: 'X', status: 'draft' })).status).toBe(409)
    expect(await current()).toMatchObject({ title: 'Стандарт', status: 'final' })

    // Renaming a document and finalizing it in one request is a rename of a document that is not final yet.
    expect((await patch(admin, { status: 'review' })).status).toBe(200)
    const both = await patch(admin, { title: 'Стандарт, итог', status: 'final' })
    expect(both.status).toBe(200)
    expect(await current()).toMatchObject({ title: 'Стандарт, итог', status: 'final' })
  })
})

describe('first start without ADMIN_EMAIL', () => {
  it('creates the secretariat through the one-time setup link', async () => {
    const t = await newTestServer({ ADMIN_EMAIL: '', ADMIN_PASSWORD: '' })
    try {
      const setupUrl = t.server.setupUrl as string
      expect(setupUrl).toMatch(/\/setup\/[\w-]+$/)
      const token = setupUrl.split('/setup/')[1]
      expect((await t.api('GET', '/api/setup')).body).toEqual({ needed: true })
      const bad = await t.api('POST', '/api/setup', {
        body: { token: 'wrong', email: 'a@example.org', name: 'A', password: 'long enough pass' },
      })
      expect(bad.status).toBe(404)
      const ok = await t.api('POST', '/api/setup', {
        body: { token, email: 'a@example.org', name: 'A', password: 'long enough pass' },
      })
      expect(ok.status).toBe(201)
      expect(ok.body).toMatchObject({ user: { role: 'secretariat' } })
      expect((await t.api('GET', '/api/setup')).body).toEqual({ needed: false })
      const again = await t.api('POST', '/api/setup', {
        body: { token, email: 'b@example.org', name: 'B', password: 'long enough pass' },
      })
      expect(again.status).toBe(409)
    } finally {
      await t.close()
    }
  })
})
