import { promisify } from 'node:util'
import { brotliCompress, brotliDecompressSync, gunzipSync, gzip } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { type Compressors, PreparedPages } from './preparedPages.js'

const HEAD = ['content-security-policy', "default-src 'none'", 'vary', 'Accept-Encoding']

/** zlib's async gzip and brotli, counted. */
const countedGzip = () => {
  const calls: number[] = []
  const compress: Compressors = {
    gzip: async (bytes) => {
      calls.push(bytes.length)
      return promisify(gzip)(bytes)
    },
    br: (bytes) => promisify(brotliCompress)(bytes),
  }
  return { calls, compress }
}

const page = (words: string) => `<!doctype html><p>${'Пункт 1. '.repeat(2000)}${words}</p>`

describe('prepared pages', () => {
  it('readers arriving together get one compression of the page, its bytes and ETags', async () => {
    const { calls, compress } = countedGzip()
    const pages = new PreparedPages(HEAD, compress)
    const html = page('первая редакция')
    // The plain page is there at once; the gzip is being made meanwhile.
    const readers = Array.from({ length: 50 }, () => pages.get(html))
    expect(calls).toHaveLength(1)
    const first = readers[0]
    expect(first?.plain.bytes.toString()).toBe(html)
    const gzipped = await Promise.all(readers.map((r) => r.gzipped))
    expect(new Set(gzipped).size).toBe(1)
    const [zipped] = gzipped
    expect(zipped?.etag).toBe(`${first?.plain.etag.slice(0, -1)}-gz"`)
    expect(gunzipSync(zipped?.bytes ?? Buffer.alloc(0)).toString()).toBe(html)
    const brotli = await first?.brotli
    expect(brotli?.etag).toBe(`${first?.plain.etag.slice(0, -1)}-br"`)
    expect(brotliDecompressSync(brotli?.bytes ?? Buffer.alloc(0)).toString()).toBe(html)
    // The heads are made with the bytes: the page's headers, its ETag, encoding and length.
    expect(zipped?.ok).toEqual([
      ...HEAD,
      'etag',
      zipped?.etag,
      'content-encoding',
      'gzip',
      'content-type',
      'text/html; charset=utf-8',
      'content-length',
      String(zipped?.bytes.length),
    ])
    expect(zipped?.notModified).toEqual([...HEAD, 'etag', zipped?.etag, 'content-encoding', 'gzip'])
    expect(first?.plain.ok).not.toContain('content-encoding')
    // Later readers of the same page: nothing made again.
    await pages.get(html).gzipped
    expect(calls).toHaveLength(1)

    // A new version of the page (a moderation): compressed once, with ETags of its own.
    const next = page('вторая редакция')
    const [a, b] = [pages.get(next), pages.get(next)]
    expect(calls).toHaveLength(2)
    expect(a.plain.etag).not.toBe(first?.plain.etag)
    expect((await a.gzipped)?.etag).not.toBe(zipped?.etag)
    expect(await a.gzipped).toBe(await b.gzipped)
  })

  it('a failed compression leaves the plain page to send', async () => {
    const failing = () => Promise.reject(new Error('out of memory'))
    const pages = new PreparedPages(HEAD, { gzip: failing, br: failing })
    const prepared = pages.get(page('без сжатия'))
    expect(await prepared.gzipped).toBeUndefined()
    expect(await prepared.brotli).toBeUndefined()
    expect(prepared.plain.bytes.toString()).toContain('без сжатия')
  })
})
