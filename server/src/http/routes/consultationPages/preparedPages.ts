import { createHash } from 'node:crypto'
import { promisify } from 'node:util'
import { brotliCompress, constants, gzip } from 'node:zlib'

/** A page's bytes in one encoding, with its ETag and the heads of its answers, made once. */
export interface SentBytes {
  etag: string
  bytes: Buffer
  /** The head of a 200 (name, value, name, value …), as `writeHead` takes it. */
  ok: readonly string[]
  /** The head of a 304: the same without the body's type and length (as Express sends it). */
  notModified: readonly string[]
  /** What `fresh` compares a request's validators with. */
  validators: { etag: string }
}

/** A page's bytes, plain at once, gzipped and in brotli once their one compression has finished. */
export interface PreparedPage {
  plain: SentBytes
  /** Shared by every reader of this page; undefined if the compression failed (send plain). */
  gzipped: Promise<SentBytes | undefined>
  brotli: Promise<SentBytes | undefined>
}

/** Compresses off the event loop: zlib's async API runs on libuv's thread pool. */
export type Compress = (bytes: Buffer) => Promise<Buffer>

export interface Compressors {
  gzip: Compress
  br: Compress
}

const brotliOnPool = promisify(brotliCompress)

const ON_POOL: Compressors = {
  gzip: promisify(gzip),
  // Quality 5, not brotli's default 11: a new 1.6 MB page (after each moderation) is made in
  // tens of milliseconds rather than seconds, and is still smaller than its gzip.
  br: (bytes) =>
    brotliOnPool(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 5,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    }),
}

/**
 * A few consultations in two languages at a time (a 500-clause page is some 1.6 MB plain and
 * 0.2 MB gzipped); the rest are prepared again if asked.
 */
const KEPT = 8

/** Bytes with their ETag and both heads; `head` is the page's fixed headers. */
const sent = (
  head: readonly string[],
  bytes: Buffer,
  etag: string,
  encoding?: string,
): SentBytes => {
  const shared = [...head, 'etag', etag, ...(encoding ? ['content-encoding', encoding] : [])]
  return {
    etag,
    bytes,
    ok: [
      ...shared,
      'content-type',
      'text/html; charset=utf-8',
      'content-length',
      `${bytes.length}`,
    ],
    notModified: shared,
    validators: { etag },
  }
}

/**
 * The consultation page is kept rendered while nothing it shows changes (the same string is
 * given to every reader), so its encodings, their ETags and the heads of their answers are
 * worked out once per page too: fifty readers reloading a 500-clause page then cost a lookup
 * each, and a reader whose copy is current gets 304 with no body. Keyed by the page itself,
 * so a page that changes is prepared anew, and nothing can be served that was not rendered
 * for it. The gzip and brotli of a new page (after each moderation, some 20 ms each for
 * 1.6 MB) run on the thread pool, not on the thread that serves the editors; readers who
 * arrive meanwhile await that same compression.
 */
export class PreparedPages {
  private readonly pages = new Map<string, PreparedPage>()

  /** `head`: the headers every answer of these pages carries (pageHead.ts). */
  constructor(
    private readonly head: readonly string[],
    private readonly compress: Compressors = ON_POOL,
  ) {}

  get(html: string): PreparedPage {
    const found = this.pages.get(html)
    if (found) return found
    const plain = Buffer.from(html)
    const hash = createHash('sha1').update(plain).digest('base64url')
    // Different bytes, different strong validators (RFC 9110 8.8.1): each encoding has its own.
    const encoded = (compress: Compress, encoding: string, suffix: string) =>
      compress(plain).then(
        (bytes) => sent(this.head, bytes, `"${hash}-${suffix}"`, encoding),
        () => undefined,
      )
    const prepared: PreparedPage = {
      plain: sent(this.head, plain, `"${hash}"`),
      gzipped: encoded(this.compress.gzip, 'gzip', 'gz'),
      brotli: encoded(this.compress.br, 'br', 'br'),
    }
    if (this.pages.size >= KEPT) {
      const oldest = this.pages.keys().next().value
      if (oldest !== undefined) this.pages.delete(oldest)
    }
    this.pages.set(html, prepared)
    return prepared
  }
}
