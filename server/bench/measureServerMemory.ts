/**
 * The whole server's memory, idle and per room and connection (issue 16), with real
 * y-websocket providers over real sockets: the server runs in this process (so a full GC can
 * be forced before each reading, no admin endpoint needed), its clients in a child process
 * (serverMemoryClients.ts, so their documents are not counted). Readings, each after a full
 * GC: started (no rooms), ROOMS documents created, each opened by one provider, by a second
 * one, after one typed paragraph per provider, and after every provider left and the rooms
 * were unloaded. Run:
 *
 *   node --expose-gc --import tsx server/bench/measureServerMemory.ts [rooms]
 */
import { fork } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { loadConfig } from '../src/config.js'
import { createLogger } from '../src/logger.js'
import { startServer } from '../src/startServer.js'
import { accordApi } from './accordApi.js'
import type { ClientCommand } from './serverMemoryClients.js'

const ROOMS = Number(process.argv[2] ?? 200)
const UNLOAD_MS = 1000
const gc = (globalThis as { gc?: () => void }).gc
if (!gc) throw new Error('run with node --expose-gc')

interface Reading {
  heap: number
  rss: number
}
const read = (): Reading => {
  gc()
  gc()
  const { heapUsed, rss } = process.memoryUsage()
  return { heap: heapUsed, rss }
}
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-memory-'))
const admin = { email: 'memory-admin@example.org', password: 'memory-Password-7e2a9c4d' }
const config = loadConfig({
  PORT: '0',
  HOST: '127.0.0.1',
  DATA_DIR: dataDir,
  ADMIN_EMAIL: admin.email,
  ADMIN_PASSWORD: admin.password,
  LOG_LEVEL: 'warn',
  IDLE_UNLOAD_MS: String(UNLOAD_MS),
})
const server = await startServer(config, createLogger(config.logLevel))
const origin = server.url

const { call: api, login } = accordApi(server.url, origin)

const started = read()
const member = { email: 'memory-member@example.org', password: 'member-Password-3b8f1d6e' }
await api('POST', '/api/users', await login(admin.email, admin.password), {
  ...member,
  name: 'Memory Member',
  role: 'member',
})
const cookie = await login(member.email, member.password)
const rooms: string[] = []
for (let i = 0; i < ROOMS; i++) {
  const res = await api('POST', '/api/documents', cookie, { title: `Memory ${i + 1}` })
  rooms.push(((await res.json()) as { id: string }).id)
}
const created = read()

const clients = fork(
  path.join(path.dirname(fileURLToPath(import.meta.url)), 'serverMemoryClients.ts'),
  { execArgv: ['--import', 'tsx'] },
)
const tell = (command: ClientCommand) =>
  new Promise<void>((resolve, reject) => {
    clients.once('message', (answer) =>
      answer === 'done' ? resolve() : reject(new Error(String(answer))),
    )
    clients.send(command)
  })
const wsUrl = `${server.url.replace(/^http/, 'ws')}/collab`

await tell({ cmd: 'open', wsUrl, rooms, cookie, origin })
const oneEach = read()
await tell({ cmd: 'open', wsUrl, rooms, cookie, origin })
const twoEach = read()
await tell({ cmd: 'type' })
// Past the flush, so what is measured is the rooms, not a pending write.
await sleep(200)
const typed = read()
await tell({ cmd: 'close' })
await sleep(UNLOAD_MS * 4)
const unloaded = read()
clients.kill()

console.log(
  JSON.stringify(
    {
      rooms: ROOMS,
      started: { heap: mb(started.heap), rss: mb(started.rss) },
      perDocumentCreated: kib((created.heap - started.heap) / ROOMS),
      perRoomWithOneConnection: kib((oneEach.heap - created.heap) / ROOMS),
      perSecondConnection: kib((twoEach.heap - oneEach.heap) / ROOMS),
      perTypedParagraphPerRoom: kib((typed.heap - twoEach.heap) / ROOMS),
      open: { heap: mb(typed.heap), rss: mb(typed.rss) },
      afterUnload: { heap: mb(unloaded.heap), rss: mb(unloaded.rss) },
    },
    null,
    2,
  ),
)
await server.close()
fs.rmSync(dataDir, { recursive: true, force: true })
process.exit(0)
