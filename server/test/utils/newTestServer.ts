import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Role, User } from '@accord/protocol'
import { loadConfig } from '../../src/config.js'
import { createLogger } from '../../src/logger.js'
import { type RunningServer, type StartOptions, startServer } from '../../src/startServer.js'
import { freshPostgresDatabase } from './postgres.js'

export const ADMIN = { email: 'secretariat@example.org', password: 'correct horse battery staple' }

export interface ApiResponse<T = unknown> {
  status: number
  body: T
  headers: Headers
}

export interface TestServer {
  url: string
  wsUrl: string
  dataDir: string
  server: RunningServer
  /** Calls the API; JSON bodies are sent as JSON unless `raw` is given. */
  api<T = unknown>(
    method: string,
    path: string,
    options?: { cookie?: string; body?: unknown; raw?: string; headers?: Record<string, string> },
  ): Promise<ApiResponse<T>>
  signIn(email: string, password: string): Promise<string>
  /** The secretariat's session cookie. */
  adminCookie(): Promise<string>
  /** Creates an account with a role and signs it in. */
  newUser(
    role: Role,
    name?: string,
  ): Promise<{ user: User; cookie: string; email: string; password: string }>
  newDocument(cookie: string, title?: string): Promise<string>
  /** Stops the server gracefully (or not at all, with `kill`) and starts a new one on the same DATA_DIR. */
  restart(): Promise<void>
  close(): Promise<void>
}

let counter = 0

/**
 * A real server on an ephemeral port with its own temporary SQLite database, or with its
 * own PostgreSQL database when ACCORD_TEST_STORAGE=postgres (to run a suite on that engine).
 */
export const newTestServer = async (
  env: Record<string, string> = {},
  options: StartOptions = {},
): Promise<TestServer> => {
  const dataDir = env.DATA_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), 'accord-test-'))
  const postgres =
    process.env.ACCORD_TEST_STORAGE === 'postgres' && !env.DATABASE_URL
      ? await freshPostgresDatabase()
      : undefined
  const config = loadConfig({
    ...(postgres ? { DATABASE_URL: postgres.url } : {}),
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    LOG_LEVEL: 'silent',
    ...env,
  })
  const logger = createLogger(config.logLevel)
  let server = await startServer(config, logger, options)
  let adminCookie: string | undefined

  const t: TestServer = {
    get url() {
      return server.url
    },
    get wsUrl() {
      return `${server.url.replace(/^http/, 'ws')}/collab`
    },
    dataDir,
    get server() {
      return server
    },
    async api(method, urlPath, options = {}) {
      const headers: Record<string, string> = { ...options.headers }
      if (options.cookie) headers.cookie = options.cookie
      let body: string | undefined
      if (options.raw !== undefined) body = options.raw
      else if (options.body !== undefined) {
        body = JSON.stringify(options.body)
        headers['content-type'] ??= 'application/json'
      }
      const res = await fetch(`${server.url}${urlPath}`, { method, headers, body })
      const text = await res.text()
      let parsed: unknown = text
      try {
        parsed = text ? JSON.parse(text) : undefined
      } catch {
        // Non-JSON answers (file downloads, HTML) stay text.
      }
      return { status: res.status, body: parsed as never, headers: res.headers }
    },
    async signIn(email, password) {
      const res = await fetch(`${server.url}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password }),
      })
      if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`)
      const cookie = res.headers.get('set-cookie')
      if (!cookie) throw new Error('no session cookie')
      return cookie.split(';')[0] as string
    },
    async adminCookie() {
      adminCookie ??= await t.signIn(ADMIN.email, ADMIN.password)
      return adminCookie
    },
    async newUser(role, name) {
      counter++
      const email = `${role}${counter}@example.org`
      const password = `password-${counter}-long-enough`
      const res = await t.api<{ user: User }>('POST', '/api/users', {
        cookie: await t.adminCookie(),
        body: { email, name: name ?? `${role} ${counter}`, role, password },
      })
      if (res.status !== 201)
        throw new Error(`create user failed: ${res.status} ${JSON.stringify(res.body)}`)
      return { user: res.body.user, cookie: await t.signIn(email, password), email, password }
    },
    async newDocument(cookie, title = 'Test document') {
      const res = await t.api<{ id: string }>('POST', '/api/documents', { cookie, body: { title } })
      if (res.status !== 201) throw new Error(`create document failed: ${res.status}`)
      return res.body.id
    },
    async restart() {
      const port = server.port
      await server.close()
      server = await startServer({ ...config, port, publicOriginDerived: true }, logger, options)
    },
    async close() {
      await server.close()
      await postgres?.drop()
      if (!env.DATA_DIR) fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
  return t
}
