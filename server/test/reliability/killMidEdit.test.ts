import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import * as prng from 'lib0/prng'
import { afterEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { newTestClient, type TestClient } from '../utils/newTestClient.js'
import { ADMIN } from '../utils/newTestServer.js'
import { LONG, reportFigure } from './support/figures.js'
import {
  apiCall,
  freePort,
  type ServerProcess,
  signIn,
  startServerProcess,
} from './support/serverProcess.js'
import { databaseFile, integrityCheck, paragraphs, storedDoc } from './support/sqliteFile.js'

const RUNS = LONG ? 200 : 30
const CLIENTS = 5
const SEED = Number(process.env.ACCORD_SEED ?? Math.floor(Math.random() * 2 ** 31))

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0

describe('kill -9 while five clients edit', () => {
  const cleanups: (() => unknown)[] = []
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c()
  })

  it(
    `loses no edit over ${RUNS} kills at seeded moments (seed ${SEED})`,
    async () => {
      const gen = prng.create(SEED)
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-kill-'))
      cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }))
      const port = await freePort()
      let proc: ServerProcess = await startServerProcess(dataDir, port)
      cleanups.push(() => proc.child.kill('SIGKILL'))
      const url = proc.url
      const wsUrl = `ws://127.0.0.1:${port}/collab`

      const admin = await signIn(url, ADMIN.email, ADMIN.password)
      const { id: docId } = await apiCall<{ id: string }>(url, 'POST', '/api/documents', admin, {
        title: 'Kill -9',
      })
      const cookies: string[] = []
      for (let i = 0; i < CLIENTS; i++) {
        const email = `editor${i}@example.org`
        const password = `editor ${i} has a long passphrase`
        await apiCall(url, 'POST', '/api/users', admin, {
          email,
          name: `Editor ${i}`,
          role: 'member',
          password,
        })
        cookies.push(await signIn(url, email, password))
      }
      const clients: TestClient[] = cookies.map((cookie) => newTestClient(wsUrl, docId, cookie))
      cleanups.push(() => {
        for (const c of clients) c.destroy()
      })
      await Promise.all(clients.map((c) => c.synced()))

      // Each client types a numbered paragraph every 5–40 ms, as a fast typist's bursts would,
      // through the kills: edits made while the server is down wait in the client's Y.Doc.
      const typed: string[][] = clients.map(() => [])
      let typing = true
      const typists = clients.map(async (client, i) => {
        const own = prng.create(SEED + i + 1)
        for (let n = 0; typing; n++) {
          const token = `c${i}-${n}`
          client.type(token)
          typed[i]?.push(token)
          await sleep(prng.int32(own, 5, 40))
        }
      })

      const restartMs: number[] = []
      const recoverMs: number[] = []
      // Edits that were typed before a kill but not yet in the database: the clients re-sent them.
      let resentByClients = 0
      try {
        for (let run = 0; run < RUNS; run++) {
          // Edit for a seeded while, then kill without warning.
          await sleep(prng.int32(gen, 20, 400))
          const beforeKill = typed.flat()
          proc.child.kill('SIGKILL')
          await proc.exited
          expect(await integrityCheck(databaseFile(dataDir)), `run ${run}, seed ${SEED}`).toBe('ok')
          const stored = new Set(paragraphs(await storedDoc(databaseFile(dataDir), docId)))
          resentByClients += beforeKill.filter((token) => !stored.has(token)).length

          const started = performance.now()
          proc = await startServerProcess(dataDir, port)
          restartMs.push(performance.now() - started)
          // A fresh client must find every edit made before the kill, once the editors have
          // reconnected by themselves and sent what the server lacked.
          const checker = newTestClient(wsUrl, docId, admin)
          try {
            await checker.synced()
            await vi.waitFor(
              () => {
                const have = new Set(paragraphs(checker.doc))
                const missing = beforeKill.filter((token) => !have.has(token))
                expect(missing, `run ${run}, seed ${SEED}`).toEqual([])
              },
              { timeout: 15_000, interval: 20 },
            )
          } finally {
            checker.destroy()
          }
          recoverMs.push(performance.now() - started)
        }
      } finally {
        typing = false
        await Promise.all(typists)
      }

      // Quiet now: every client converges on the same text, holding every edit once.
      const all = typed.flat()
      await vi.waitFor(
        () => {
          for (const c of clients) {
            expect(c.provider.synced).toBe(true)
            expect(Y.encodeStateVector(c.doc)).toEqual(
              Y.encodeStateVector(clients[0]?.doc as Y.Doc),
            )
          }
        },
        { timeout: 15_000 },
      )
      const text = paragraphs(clients[0]?.doc as Y.Doc)
      expect([...text].sort()).toEqual([...all].sort())
      for (const c of clients) expect(paragraphs(c.doc)).toEqual(text)

      // The database itself holds all of it (written within the flush delay), and survives one more kill.
      const file = databaseFile(dataDir)
      await vi.waitFor(
        async () => {
          const stored = await storedDoc(file, docId)
          expect(paragraphs(stored).length).toBe(all.length)
        },
        { timeout: 10_000 },
      )
      for (const c of clients) c.destroy()
      clients.length = 0
      proc.child.kill('SIGKILL')
      await proc.exited
      expect(await integrityCheck(file)).toBe('ok')
      proc = await startServerProcess(dataDir, port)
      const last = newTestClient(wsUrl, docId, admin)
      cleanups.push(() => last.destroy())
      await last.synced()
      await vi.waitFor(() => expect(paragraphs(last.doc)).toEqual(text))

      reportFigure('1 kill -9 mid-edit', {
        seed: SEED,
        runs: RUNS,
        clients: CLIENTS,
        editsChecked: all.length,
        lost: 0,
        notYetStoredAtKillResentByClients: resentByClients,
        integrityChecks: RUNS + 1,
        medianRestartMs: Math.round(median(restartMs)),
        medianRecoverMs: Math.round(median(recoverMs)),
        maxRecoverMs: Math.round(Math.max(...recoverMs)),
      })
    },
    (LONG ? 20 : 5) * 60_000,
  )
})
