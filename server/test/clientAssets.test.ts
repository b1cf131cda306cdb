import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { newTestServer, type TestServer } from './utils/newTestServer.js'
import { rawRequest } from './utils/rawRequest.js'

/** A built client as `vite build` leaves it: each larger file with its .br and .gz beside it. */
const builtClient = (): { dir: string; script: string } => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-client-'))
  fs.mkdirSync(path.join(dir, 'assets'))
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Accord</title>')
  const script = `export const clauses = ${JSON.stringify(Array.from({ length: 200 }, (_, i) => `Статья ${i}`))}\n`
  fs.writeFileSync(path.join(dir, 'assets/editor-abc123.js'), script)
  fs.writeFileSync(path.join(dir, 'assets/editor-abc123.js.br'), zlib.brotliCompressSync(script))
  fs.writeFileSync(path.join(dir, 'assets/editor-abc123.js.gz'), zlib.gzipSync(script))
  fs.writeFileSync(path.join(dir, 'assets/tiny-def456.js'), 'export {}\n')
  return { dir, script }
}

describe('the built client is sent compressed', () => {
  let t: TestServer
  let client: ReturnType<typeof builtClient>
  beforeAll(async () => {
    client = builtClient()
    t = await newTestServer({ CLIENT_DIST: client.dir })
  })
  afterAll(async () => {
    await t.close()
    fs.rmSync(client.dir, { recursive: true, force: true })
  })

  const script = () => `${t.url}/assets/editor-abc123.js`

  it('as brotli to a browser that accepts it, as the same script', async () => {
    const res = await rawRequest(script(), { 'accept-encoding': 'gzip, deflate, br, zstd' })
    expect(res.status).toBe(200)
    expect(res.headers['content-encoding']).toBe('br')
    expect(res.headers['content-type']).toMatch(/^text\/javascript|^application\/javascript/)
    expect(res.headers.vary).toMatch(/Accept-Encoding/i)
    expect(res.headers['cache-control']).toBe('public, max-age=3600')
    expect(zlib.brotliDecompressSync(res.body).toString()).toBe(client.script)
    expect(res.body.length).toBeLessThan(Buffer.byteLength(client.script) / 3)
  })

  it('as gzip to one that accepts only gzip', async () => {
    const res = await rawRequest(script(), { 'accept-encoding': 'gzip' })
    expect(res.headers['content-encoding']).toBe('gzip')
    expect(zlib.gunzipSync(res.body).toString()).toBe(client.script)
  })

  it('as it is to one that accepts no encoding, and a file without copies always as it is', async () => {
    const plain = await rawRequest(script(), {})
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(plain.body.toString()).toBe(client.script)
    const refused = await rawRequest(script(), { 'accept-encoding': 'br;q=0, gzip;q=0' })
    expect(refused.headers['content-encoding']).toBeUndefined()
    expect(refused.body.toString()).toBe(client.script)
    const tiny = await rawRequest(`${t.url}/assets/tiny-def456.js`, {
      'accept-encoding': 'br, gzip',
    })
    expect(tiny.headers['content-encoding']).toBeUndefined()
    expect(tiny.body.toString()).toBe('export {}\n')
  })

  it('answers a malformed address with 400, a garbled encoding list without error, and a client route with the page', async () => {
    const malformed = await rawRequest(`${t.url}/assets/%E0%A4%A.js`, { 'accept-encoding': 'br' })
    expect(malformed.status).toBe(400)
    // A garbled Accept-Encoding is answered as a browser's would be, or plainly: never an error.
    const garbled = await rawRequest(script(), { 'accept-encoding': 'br;q=x, ;;, *;q=7, \u00ff' })
    expect(garbled.status).toBe(200)
    const encoding = garbled.headers['content-encoding']
    const decoded =
      encoding === 'br'
        ? zlib.brotliDecompressSync(garbled.body)
        : encoding === 'gzip'
          ? zlib.gunzipSync(garbled.body)
          : garbled.body
    expect(decoded.toString()).toBe(client.script)
    const page = await rawRequest(`${t.url}/documents/some-id`, { 'accept-encoding': 'br' })
    expect(page.status).toBe(200)
    expect(page.body.toString()).toContain('<title>Accord</title>')
  })
})
