/**
 * Starting the servers under test: each launch is a fresh process on a loopback port with
 * its own environment, so no run inherits rooms, caches or heap from another. A launcher
 * takes a port and extra env and returns a handle that knows how to prepare rooms (accounts
 * and documents for Accord, nothing for the reference) and how to stop.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { accordApi } from './accordApi.js'

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

/** What the harness needs to reach prepared rooms on a server. */
export interface PreparedRooms {
  rooms: string[]
  /** `Name: value` upgrade headers (session cookie, Origin). */
  headers: string[]
}

export interface ServerHandle {
  /** Process whose RSS and CPU the harness samples. */
  pid: number
  /** Base WebSocket URL; the harness appends `/ROOM`. */
  wsUrl: string
  /** Creates `count` rooms the harness may open, with whatever credentials they need. */
  prepareRooms(count: number): Promise<PreparedRooms>
  /** SIGTERM, then waits for exit (Accord flushes to disk on SIGTERM). */
  stop(): Promise<void>
}

export interface LaunchOptions {
  port: number
  /** Added to the environment (e.g. IDLE_UNLOAD_MS, later DATABASE_URL/REDIS_URL). */
  env?: Record<string, string>
  /** Reuse this data directory (a restart); default a fresh temporary one, removed on stop. */
  dataDir?: string
  /** Extra node flags, e.g. `--cpu-prof`. */
  nodeFlags?: string[]
  /** The origin clients use when it is not the server's own (a proxy in front). */
  publicOrigin?: string
  /** The server's entry point; default this worktree's `server/dist/main.js` (e.g. an older build, to compare). */
  mainScript?: string
  /** Node flags in place of production's (`PRODUCTION_NODE_FLAGS`), e.g. `[]` to measure without them. */
  productionFlags?: string[]
}

export type Launcher = (options: LaunchOptions) => Promise<ServerHandle>

/** Benches take their ports as the tests do. */
export { freePort } from '@accord/test-support'

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Polls `url` until it answers 200, or throws after `timeoutMs` or when the process exits. */
const waitForHttp = async (url: string, child: ChildProcess, timeoutMs = 60_000) => {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode} (${url})`)
    try {
      const res = await fetch(url)
      if (res.ok) return
    } catch {
      // not listening yet
    }
    await sleep(50)
  }
  throw new Error(`server did not answer ${url} within ${timeoutMs} ms`)
}

const stopChild = (child: ChildProcess, timeoutMs = 15_000): Promise<void> =>
  new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve()
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
    child.once('exit', () => {
      clearTimeout(timer)
      resolve()
    })
    child.kill('SIGTERM')
  })

const spawnNode = (
  script: string,
  args: string[],
  env: Record<string, string>,
  logFile: string,
  nodeFlags: string[] = [],
): ChildProcess => {
  const out = openSync(logFile, 'a')
  return spawn(process.execPath, [...nodeFlags, script, ...args], {
    env: { ...process.env, NODE_ENV: 'production', ...env },
    stdio: ['ignore', out, out],
  })
}

/**
 * The node flags production starts Accord with, read from the root `npm start` script
 * (`… node FLAGS server/dist/main.js`), so the bench measures the server as it runs.
 */
export const PRODUCTION_NODE_FLAGS: readonly string[] = (() => {
  const pkg = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
    scripts: { start: string }
  }
  const line = /\bnode((?: -[^\s]+)*) server\/dist\/main\.js/.exec(pkg.scripts.start)
  if (!line)
    throw new Error(`npm start does not run node server/dist/main.js: ${pkg.scripts.start}`)
  return (line[1] ?? '').split(' ').filter(Boolean)
})()

const BENCH_EMAIL = 'bench-admin@example.org'
const BENCH_PASSWORD = 'bench-Password-9f3e1c7a'
const MEMBER_PASSWORD = 'member-Password-4d2b8e6f'

/** What Accord's handle adds: accounts of any role and the HTTP API, for setting up a scene. */
export interface AccordHandle extends ServerHandle {
  /** http://127.0.0.1:PORT */
  url: string
  /** The headers a browser of that role would send on the upgrade (Cookie, Origin), for a fresh account. */
  accountHeaders(role: 'observer' | 'member' | 'coordinator'): Promise<Record<string, string>>
  /** Calls the API as the administrator. */
  adminCall(method: string, route: string, body?: unknown): Promise<Response>
}

/** Accord's production build (`npm run build` first): server/dist/main.js. */
export const launchAccord = async ({
  port,
  env = {},
  dataDir,
  nodeFlags,
  publicOrigin,
  mainScript,
  productionFlags = [...PRODUCTION_NODE_FLAGS],
}: LaunchOptions): Promise<AccordHandle> => {
  const ownDir = dataDir === undefined
  const dir = dataDir ?? mkdtempSync(path.join(tmpdir(), 'accord-bench-'))
  const own = `http://127.0.0.1:${port}`
  const origin = publicOrigin ?? own
  const child = spawnNode(
    mainScript ?? path.join(REPO_ROOT, 'server/dist/main.js'),
    [],
    {
      HOST: '127.0.0.1',
      PORT: String(port),
      DATA_DIR: dir,
      PUBLIC_ORIGIN: origin,
      ADMIN_EMAIL: BENCH_EMAIL,
      ADMIN_PASSWORD: BENCH_PASSWORD,
      LOG_LEVEL: 'warn',
      // The harness counts deliveries through its own root map, which Accord refuses unless named.
      BENCH_MAP: 'bench-ts',
      ...env,
    },
    path.join(dir, 'server.log'),
    [...productionFlags, ...(nodeFlags ?? [])],
  )
  await waitForHttp(`${own}/api/health`, child)
  let memberCookie: string | undefined

  const { call: api, login } = accordApi(own, origin)

  /** The editing clients are a plain member, so every message goes through the full role check. */
  const member = async () => {
    if (memberCookie) return memberCookie
    const admin = await login(BENCH_EMAIL, BENCH_PASSWORD)
    const email = 'bench-member@example.org'
    await api('POST', '/api/users', admin, {
      email,
      name: 'Bench Member',
      password: MEMBER_PASSWORD,
      role: 'member',
    }).catch((err: Error) => {
      // A restart on the same data directory: the account exists already.
      if (!/409/.test(err.message)) throw err
    })
    memberCookie = await login(email, MEMBER_PASSWORD)
    return memberCookie
  }

  let adminCookie: string | undefined
  let accounts = 0
  const adminSession = async () => {
    adminCookie ??= await login(BENCH_EMAIL, BENCH_PASSWORD)
    return adminCookie
  }

  return {
    pid: child.pid as number,
    url: own,
    wsUrl: `ws://127.0.0.1:${port}/collab`,
    async accountHeaders(role) {
      accounts++
      const email = `bench-${role}-${accounts}@example.org`
      await api('POST', '/api/users', await adminSession(), {
        email,
        name: `Bench ${role} ${accounts}`,
        password: MEMBER_PASSWORD,
        role,
      })
      return { Cookie: await login(email, MEMBER_PASSWORD), Origin: origin }
    },
    adminCall: async (method, route, body) => api(method, route, await adminSession(), body),
    async prepareRooms(count) {
      const cookie = await member()
      const rooms: string[] = []
      for (let i = 0; i < count; i++) {
        const res = await api('POST', '/api/documents', cookie, { title: `Bench ${i + 1}` })
        rooms.push(((await res.json()) as { id: string }).id)
      }
      return { rooms, headers: [`Cookie: ${cookie}`, `Origin: ${origin}`] }
    },
    async stop() {
      await stopChild(child)
      if (ownDir) rmSync(dir, { recursive: true, force: true })
    },
  }
}

const EXIT_ON_SIGTERM = `--import=data:text/javascript,process.once('SIGTERM',()=>process.exit(0))`

/** @y/websocket-server 0.1.1, the bare reference: no auth, no persistence. */
export const launchReference: Launcher = async ({ port, env = {}, nodeFlags }) => {
  const require = createRequire(import.meta.url)
  const pkg = require.resolve('@y/websocket-server/package.json')
  const dir = mkdtempSync(path.join(tmpdir(), 'ywss-bench-'))
  const child = spawnNode(
    path.join(path.dirname(pkg), 'src/server.js'),
    [],
    { HOST: '127.0.0.1', PORT: String(port), ...env },
    path.join(dir, 'server.log'),
    // The reference has no SIGTERM handler, and node writes a --cpu-prof profile only on exit.
    nodeFlags?.includes('--cpu-prof') ? [EXIT_ON_SIGTERM, ...nodeFlags] : nodeFlags,
  )
  await waitForHttp(`http://127.0.0.1:${port}/`, child)
  let prepared = 0
  return {
    pid: child.pid as number,
    wsUrl: `ws://127.0.0.1:${port}`,
    async prepareRooms(count) {
      // Any name opens a room; fresh names per call so no run reuses one.
      const base = prepared
      prepared += count
      return {
        rooms: Array.from({ length: count }, (_, i) => `bench-${port}-${base + i}`),
        headers: [],
      }
    },
    async stop() {
      await stopChild(child)
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
