import { promisify } from 'node:util'
import { gunzipSync, gzip } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { type Compress, PreparedPages } from './preparedPages.js'

/** zlib's async gzip, counted. */
const countedGzip = () => {
  const calls: number[] = []
  const compress: Compress = async (bytes) => {
    calls.push(bytes.length)
    return promisify(gzip)(bytes)
  }
  return { calls, compress }
}

const page = (words: string) => `<!doctype html><p>${'Пункт 1. '.repeat(2000)}${words}</p>`

describe('prepared pages', () => {
  it('readers arriving together get one compression of the page, its bytes and ETags', async () => {
    const { calls, compress } = countedGzip()
    const pages = new PreparedPages(compress)
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
    const pages = new PreparedPages(() => Promise.reject(new Error('out of memory')))
    const prepared = pages.get(page('без сжатия'))
    expect(await prepared.gzipped).toBeUndefined()
    expect(prepared.plain.bytes.toString()).toContain('без сжатия')
  })
})
