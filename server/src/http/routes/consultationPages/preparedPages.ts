import { createHash } from 'node:crypto'
import { gzipSync } from 'node:zlib'

/** A page's bytes as sent, plain and gzipped, each with the ETag that names those bytes. */
export interface PreparedPage {
  plain: { etag: string; bytes: Buffer }
  gzipped: { etag: string; bytes: Buffer }
}

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
 */
export class PreparedPages {
  private readonly pages = new Map<string, PreparedPage>()

  get(html: string): PreparedPage {
    const found = this.pages.get(html)
    if (found) return found
    const plain = Buffer.from(html)
    const hash = createHash('sha1').update(plain).digest('base64url')
    // Different bytes, different strong validators (RFC 9110 8.8.1): the gzip has its own.
    const prepared = {
      plain: { etag: `"${hash}"`, bytes: plain },
      gzipped: { etag: `"${hash}-gz"`, bytes: gzipSync(plain) },
    }
    if (this.pages.size >= KEPT) {
      const oldest = this.pages.keys().next().value
      if (oldest !== undefined) this.pages.delete(oldest)
    }
    this.pages.set(html, prepared)
    return prepared
  }
}
