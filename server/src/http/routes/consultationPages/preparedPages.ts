import { createHash } from 'node:crypto'
import { promisify } from 'node:util'
import { gzip } from 'node:zlib'

/** Bytes as sent, with the ETag that names them. */
export interface SentBytes {
  etag: string
  bytes: Buffer
}

/** A page's bytes, plain at once and gzipped once its one compression has finished. */
export interface PreparedPage {
  plain: SentBytes
  /** Shared by every reader of this page; undefined if the compression failed (send plain). */
  gzipped: Promise<SentBytes | undefined>
}

/** Compresses off the event loop: zlib's async API runs on libuv's thread pool. */
export type Compress = (bytes: Buffer) => Promise<Buffer>

const gzipOnPool: Compress = promisify(gzip)

/**
 * A few consultations in two languages at a time (a 500-clause page is some 1.6 MB plain and
 * 0.2 MB gzipped); the rest are prepared again if asked.
 */
const KEPT = 8

/**
 * The consultation page is kept rendered while nothing it shows changes (the same string is
 * given to every reader), so its encoding, its gzip and its ETag are worked out once per
 * page too: fifty readers reloading a 500-clause page then cost a lookup each, and a reader
 * whose copy is current gets 304 with no body. Keyed by the page itself, so a page that
 * changes is prepared anew, and nothing can be served that was not rendered for it.
 * The gzip of a new page (after each moderation, some 20 ms for 1.6 MB) runs on the thread
 * pool, not on the thread that serves the editors; readers who arrive meanwhile await that
 * same compression.
 */
export class PreparedPages {
  private readonly pages = new Map<string, PreparedPage>()

  constructor(private readonly compress: Compress = gzipOnPool) {}

  get(html: string): PreparedPage {
    const found = this.pages.get(html)
    if (found) return found
    const plain = Buffer.from(html)
    const hash = createHash('sha1').update(plain).digest('base64url')
    const prepared: PreparedPage = {
      plain: { etag: `"${hash}"`, bytes: plain },
      // Different bytes, different strong validators (RFC 9110 8.8.1): the gzip has its own.
      gzipped: this.compress(plain).then(
        (bytes) => ({ etag: `"${hash}-gz"`, bytes }),
        () => undefined,
      ),
    }
    if (this.pages.size >= KEPT) {
      const oldest = this.pages.keys().next().value
      if (oldest !== undefined) this.pages.delete(oldest)
    }
    this.pages.set(html, prepared)
    return prepared
  }
}
