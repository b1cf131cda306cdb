import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { newTestServer, type TestServer } from './utils/newTestServer.js'

describe('bad HTTP input gets a clear JSON error and changes nothing', () => {
  let t: TestServer
  let cookie: string
  beforeAll(async () => {
    t = await newTestServer({ MAX_BODY_BYTES: String(16 * 1024) })
    cookie = (await t.newUser('member')).cookie
  })
  afterAll(() => t.close())

  const documentCount = async () =>
    (await t.api<{ documents: unknown[] }>('GET', '/api/documents', { cookie })).body.documents
      .length

  it('malformed JSON: 400 invalid_json', async () => {
    const res = await t.api('POST', '/api/documents', {
      cookie,
      raw: '{"title": "broken',
      headers: { 'content-type': 'application/json' },
    })
    expect(res.status).toBe(400)
    expect(res.body).toEqual({ error: { code: 'invalid_json', message: expect.any(String) } })
    expect(await documentCount()).toBe(0)
  })

  it('a body over the limit: 413 too_large', async () => {
    const res = await t.api('POST', '/api/documents', {
      cookie,
      body: { title: 'x'.repeat(20 * 1024) },
    })
    expect(res.status).toBe(413)
    expect(res.body).toMatchObject({ error: { code: 'too_large' } })
  })

  it('a field that fails validation: 400 naming the field', async () => {
    const res = await t.api('POST', '/api/documents', { cookie, body: { title: '   ' } })
    expect(res.status).toBe(400)
    expect(res.body).toMatchObject({
      error: { code: 'validation_failed', details: [{ path: 'title' }] },
    })
  })

  it('no cookie or a forged one: 401', async () => {
    expect((await t.api('GET', '/api/me')).status).toBe(401)
    const res = await t.api('GET', '/api/documents', { cookie: 'accord_session=forged' })
    expect(res.status).toBe(401)
    expect(res.body).toMatchObject({ error: { code: 'unauthenticated' } })
  })

  it('unknown or malformed ids: 404', async () => {
    expect((await t.api('GET', '/api/documents/unknown', { cookie })).status).toBe(404)
    expect((await t.api('GET', '/api/documents/..%2Fetc', { cookie })).status).toBe(404)
    expect(
      (await t.api('PATCH', '/api/documents/unknown', { cookie, body: { title: 'x' } })).status,
    ).toBe(404)
    expect((await t.api('GET', '/api/nothing-here', { cookie })).body).toMatchObject({
      error: { code: 'not_found' },
    })
  })

  it('health answers without a session', async () => {
    expect(await t.api('GET', '/api/health')).toMatchObject({ status: 200, body: { ok: true } })
  })
})
