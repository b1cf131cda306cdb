import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { reportFigure } from './support/figures.js'
import { freePort, startServerProcess } from './support/serverProcess.js'

const STARTS = 2
const ANSWER_WITHIN_MS = 10_000

/**
 * Knocks on the port every millisecond until a connection is taken, then asks once over it:
 * the first request a starting server accepts. Resolves with the first line of the answer,
 * or 'no answer' when the server took the connection and never answered.
 */
const firstAcceptedRequest = (port: number, request: string): Promise<string> =>
  new Promise((resolve) => {
    const attempt = () => {
      const socket = net.connect(port, '127.0.0.1')
      socket.once('error', () => {
        socket.destroy()
        setTimeout(attempt, 1)
      })
      socket.once('connect', () => {
        let answer = ''
        const timer = setTimeout(() => {
          socket.destroy()
          resolve('no answer')
        }, ANSWER_WITHIN_MS)
        socket.on('data', (chunk) => {
          answer += chunk.toString('latin1')
          if (!answer.includes('\r\n')) return
          clearTimeout(timer)
          socket.destroy()
          resolve(answer.split('\r\n')[0] as string)
        })
        socket.on('close', () => {
          clearTimeout(timer)
          resolve(answer.split('\r\n')[0] || 'closed without an answer')
        })
        socket.write(request)
      })
    }
    attempt()
  })

const upgradeRequest = (port: number) =>
  [
    'GET /collab/some-document HTTP/1.1',
    `Host: 127.0.0.1:${port}`,
    'Connection: Upgrade',
    'Upgrade: websocket',
    'Sec-WebSocket-Version: 13',
    'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
    '',
    '',
  ].join('\r\n')

const healthRequest = (port: number) =>
  [`GET /api/health HTTP/1.1`, `Host: 127.0.0.1:${port}`, 'Connection: close', '', ''].join('\r\n')

/**
 * A client that reconnects while the server restarts (every provider after a crash) must get
 * an answer to the first connection the new process takes: a request taken before the
 * server's handlers were in place was once never answered, and the provider waited for ever.
 */
describe('a server that is starting', () => {
  const cleanups: (() => unknown)[] = []
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c()
  })

  it('answers the very first connection it takes, HTTP or WebSocket', async () => {
    const answers: string[] = []
    for (let start = 0; start < STARTS; start++) {
      for (const request of [upgradeRequest, healthRequest]) {
        const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-startup-'))
        cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }))
        const port = await freePort()
        const first = firstAcceptedRequest(port, request(port))
        const proc = await startServerProcess(dataDir, port, {}, { waitUntilServing: false })
        cleanups.push(() => proc.child.kill('SIGKILL'))
        answers.push(await first)
      }
    }
    // Refused (no session) or answered; never taken and left without an answer.
    expect(answers.filter((a) => !a.startsWith('HTTP/1.1 '))).toEqual([])
    reportFigure('starting server answers its first connection', { starts: STARTS, answers })
  }, 180_000)
})
