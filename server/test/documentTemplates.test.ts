import { readSettings } from '@accord/schema'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type * as Y from 'yjs'
import { newTestClient } from './utils/newTestClient.js'
import { newTestServer, type TestServer } from './utils/newTestServer.js'

describe('creating a document', () => {
  let t: TestServer
  let cookie: string
  beforeAll(async () => {
    t = await newTestServer()
    cookie = (await t.newUser('member')).cookie
  })
  afterAll(() => t.close())

  it('from a template: a title, a preface and N empty clauses with their own ids, in the chosen language', async () => {
    const res = await t.api<{ id: string }>('POST', '/api/documents', {
      cookie,
      body: {
        title: 'Standard on digital rights',
        language: 'en',
        template: { clauses: 3, preface: 'We, the cities…' },
      },
    })
    expect(res.status).toBe(201)
    const c = newTestClient(t.wsUrl, res.body.id, cookie)
    await c.synced()
    await vi.waitFor(() => expect(c.fragment.length).toBe(5))
    const nodes = c.fragment.toArray() as Y.XmlElement[]
    expect(nodes.map((n) => n.nodeName)).toEqual([
      'heading',
      'paragraph',
      'clause',
      'clause',
      'clause',
    ])
    const ids = nodes.slice(2).map((n) => n.getAttribute('id'))
    expect(new Set(ids).size).toBe(3)
    expect(readSettings(c.doc).language).toBe('en')
    c.destroy()
  })

  it('blank, in Russian by default', async () => {
    const res = await t.api<{ id: string }>('POST', '/api/documents', {
      cookie,
      body: { title: 'Пустой' },
    })
    const c = newTestClient(t.wsUrl, res.body.id, cookie)
    await c.synced()
    await vi.waitFor(() => expect(c.doc.getMap('settings').get('language')).toBe('ru'))
    expect(c.fragment.length).toBe(0)
    expect(readSettings(c.doc).language).toBe('ru')
    c.destroy()
  })

  it('refuses a template of more than 200 clauses and an unknown language', async () => {
    const big = await t.api('POST', '/api/documents', {
      cookie,
      body: { title: 'x', template: { clauses: 201 } },
    })
    expect(big.status).toBe(400)
    const lang = await t.api('POST', '/api/documents', {
      cookie,
      body: { title: 'x', language: 'de' },
    })
    expect(lang.status).toBe(400)
  })
})
