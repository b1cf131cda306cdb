/**
 * The control of measureConsultationUnderLoad.ts: a trivial HTTP server (node:http, nothing
 * else) that answers one page as Accord answered it: the same bytes, headers and ETags, gzip
 * to those who take it, 304 to a reader whose copy is current. Readers of this server cost
 * the machine what reading any page costs; what readers of Accord cost beyond that is Accord's.
 * Usage: tsx staticPageServer.ts PORT FILE, FILE a JSON `StaticPage`.
 */
import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'

/** One way of sending the page, as Accord sent it. */
export interface StaticVariant {
  /** Accord's response headers, lower case (without Date, Connection, Content-Length). */
  headers: Record<string, string>
  /** The body, base64. */
  body: string
}

export interface StaticPage {
  plain: StaticVariant
  gzip: StaticVariant
}

const [port, file] = process.argv.slice(2)
const page = JSON.parse(readFileSync(String(file), 'utf8')) as StaticPage
const variants = {
  plain: { headers: page.plain.headers, body: Buffer.from(page.plain.body, 'base64') },
  gzip: { headers: page.gzip.headers, body: Buffer.from(page.gzip.body, 'base64') },
}

createServer((req, res) => {
  const sent = /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')
    ? variants.gzip
    : variants.plain
  if (req.headers['if-none-match'] === sent.headers.etag) {
    // As Express answers 304: every header but the body's type and length.
    const { 'content-type': _type, ...headers } = sent.headers
    res.writeHead(304, headers)
    res.end()
    return
  }
  res.writeHead(200, { ...sent.headers, 'content-length': String(sent.body.length) })
  res.end(sent.body)
}).listen(Number(port), '127.0.0.1', () => process.stdout.write('listening\n'))
