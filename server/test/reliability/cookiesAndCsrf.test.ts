import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ADMIN, newTestServer, type TestServer } from '../utils/newTestServer.js'
import { reportFigure } from './support/figures.js'
import { databaseFile, withConnection } from './support/sqliteFile.js'

/**
 * Every table's rows, except what a read may touch: sessions (a request refreshes its own
 * session) and the audit log with its row counter (an export is recorded: a record of a read).
 */
const snapshot = (t: TestServer) =>
  withConnection(databaseFile(t.dataDir), async (c) => {
    const tables = await c.all<{ name: string }>(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN ('sessions', 'audit_log', 'sqlite_sequence')
       ORDER BY name`,
    )
    const all: Record<string, unknown[]> = {}
    for (const { name } of tables) all[name] = await c.all(`SELECT * FROM "${name}"`)
    return all
  })

const setCookieOf = async (url: string) => {
  const res = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ADMIN),
  })
  expect(res.status).toBe(200)
  return res.headers.get('set-cookie') ?? ''
}

describe('cookies and cross-site requests', () => {
  let t: TestServer
  let cookie: string
  let docId: string
  beforeAll(async () => {
    t = await newTestServer()
    cookie = (await t.newUser('member')).cookie
    docId = await t.newDocument(cookie)
  })
  afterAll(() => t.close())

  it('the session cookie is HttpOnly and SameSite=Lax, and Secure when served over HTTPS', async () => {
    const plain = await setCookieOf(t.url)
    expect(plain).toMatch(/^accord_session=[\w-]+;/)
    expect(plain).toMatch(/; HttpOnly/i)
    expect(plain).toMatch(/; SameSite=Lax/i)
    expect(plain).not.toMatch(/; Secure/i)
    const https = await newTestServer({ PUBLIC_ORIGIN: 'https://drafts.example.org' })
    try {
      // Reached on loopback, as the TLS proxy in front of it would.
      const secure = await setCookieOf(`http://127.0.0.1:${https.server.port}`)
      expect(secure).toMatch(/; HttpOnly/i)
      expect(secure).toMatch(/; SameSite=Lax/i)
      expect(secure).toMatch(/; Secure/i)
    } finally {
      await https.close()
    }
  })

  it('state-changing calls from another origin, or without JSON, are refused and change nothing', async () => {
    const before = await snapshot(t)
    const attempts: [string, string, Record<string, string>, string | undefined, number][] = [
      [
        'POST',
        '/api/documents',
        { origin: 'https://evil.example', 'content-type': 'application/json' },
        '{"title":"x"}',
        403,
      ],
      [
        'PATCH',
        `/api/documents/${docId}`,
        { origin: 'null', 'content-type': 'application/json' },
        '{"title":"x"}',
        403,
      ],
      ['DELETE', '/api/session', { origin: 'https://evil.example' }, undefined, 403],
      [
        'POST',
        '/api/documents',
        { 'content-type': 'application/x-www-form-urlencoded' },
        'title=x',
        415,
      ],
      ['POST', '/api/documents', { 'content-type': 'text/plain' }, '{"title":"x"}', 415],
      [
        'POST',
        '/api/documents',
        { 'content-type': 'multipart/form-data; boundary=b' },
        '--b--',
        415,
      ],
      ['POST', '/api/documents', {}, undefined, 415],
      ['PATCH', '/api/me', { 'content-type': 'text/plain;charset=UTF-8' }, '{"name":"Eve"}', 415],
    ]
    for (const [method, path, headers, body, status] of attempts) {
      const res = await fetch(`${t.url}${path}`, { method, headers: { cookie, ...headers }, body })
      expect(res.status, `${method} ${path} ${JSON.stringify(headers)}`).toBe(status)
    }
    expect(await snapshot(t)).toEqual(before)
    // The session survived the cross-site sign-out attempt.
    expect((await t.api('GET', '/api/me', { cookie })).status).toBe(200)
    reportFigure('18 CSRF', { refused: attempts.length, stateChanged: false })
  })

  it('no GET changes state', async () => {
    const before = await snapshot(t)
    const admin = await t.adminCookie()
    const paths = [
      '/api/health',
      '/api/me',
      '/api/me/work',
      '/api/setup',
      '/api/users',
      '/api/documents',
      `/api/documents/${docId}`,
      `/api/documents/${docId}/comments`,
      `/api/documents/${docId}/versions`,
      `/api/documents/${docId}/activity`,
      `/api/documents/${docId}/export?format=html`,
      '/api/invitations/unknown-token',
      // Paths that change state on other methods must not do so on GET.
      '/api/session',
      '/api/me/password',
      '/api/users/unknown/invitation',
      `/api/documents/${docId}/versions/unknown/restore`,
      '/api/setup?token=x&email=a@example.org&name=A&password=long+enough+pass',
    ]
    const statuses: Record<string, number> = {}
    for (const path of paths) {
      for (const who of [cookie, admin]) {
        statuses[path] = (await fetch(`${t.url}${path}`, { headers: { cookie: who } })).status
      }
    }
    expect(await snapshot(t)).toEqual(before)
    reportFigure('18 GET is safe', { paths: paths.length, stateChanged: false, statuses })
  })
})
