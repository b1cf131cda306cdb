import http from 'node:http'

export interface RawResponse {
  status: number
  headers: http.IncomingHttpHeaders
  body: Buffer
}

/** A request with exactly these headers, its body as sent (node's fetch would decompress it). */
export const rawRequest = (
  url: string,
  headers: Record<string, string>,
  method = 'GET',
): Promise<RawResponse> =>
  new Promise((resolve, reject) => {
    const req = http.request(url, { headers, method }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      )
    })
    req.on('error', reject)
    req.end()
  })
