import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { freePort } from '@accord/test-support'

const SERVER_MAIN = path.resolve(import.meta.dirname, '../../../server/dist/main.js')
export const ADMIN = { email: 'secretariat@example.org', password: 'correct horse battery staple' }

export interface ServerProcess {
  url: string
  dataDir: string
  /** Calls the API as the given cookie holder. */
  api<T>(method: string, path: string, cookie?: string, body?: unknown): Promise<T>
  signIn(email: string, password: string): Promise<string>
  /** Creates an account through the secretariat; returns its credentials. */
  newUser(role: string, name: string): Promise<{ email: string; password: string }>
  stop(): Promise<void>
}

/** Starts the production build of the server on a free loopback port with a fresh DATA_DIR. */
export const startServerProcess = async (): Promise<ServerProcess> => {
  if (!fs.existsSync(SERVER_MAIN))
    throw new Error(`Build the server first: ${SERVER_MAIN} is missing`)
  const port = await freePort()
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-e2e-'))
  const url = `http://127.0.0.1:${port}`
  const child: ChildProcess = spawn(process.execPath, [SERVER_MAIN], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      // E2E_LOG=info shows the server's log, e.g. why an update was dropped.
      LOG_LEVEL: process.env.E2E_LOG ?? 'warn',
    },
    stdio: ['ignore', process.env.E2E_LOG ? 'inherit' : 'ignore', 'inherit'],
  })
  const deadline = Date.now() + 20_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The server exited with ${child.exitCode}`)
    // A request that hangs is dropped and asked again, within the deadline.
    const ok = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2_000) }).then(
      (r) => r.ok,
      () => false,
    )
    if (ok) break
    if (Date.now() > deadline) throw new Error('The server did not start in time')
    await new Promise((r) => setTimeout(r, 100))
  }

  const api = async <T>(
    method: string,
    urlPath: string,
    cookie?: string,
    body?: unknown,
  ): Promise<T> => {
    const res = await fetch(`${url}${urlPath}`, {
      method,
      headers: {
        ...(cookie ? { cookie } : {}),
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    })
    if (!res.ok) throw new Error(`${method} ${urlPath}: ${res.status} ${await res.text()}`)
    return (res.status === 204 ? undefined : await res.json()) as T
  }
  const signIn = async (email: string, password: string) => {
    const res = await fetch(`${url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    })
    if (!res.ok) throw new Error(`sign-in failed: ${res.status}`)
    return (res.headers.get('set-cookie') ?? '').split(';')[0] as string
  }
  let admin: string | undefined
  return {
    url,
    dataDir,
    api,
    signIn,
    async newUser(role, name) {
      admin ??= await signIn(ADMIN.email, ADMIN.password)
      const email = `${name.toLowerCase().replace(/\W+/g, '.')}@example.org`
      const password = `${name} has a long password`
      await api('POST', '/api/users', admin, { email, name, role, password })
      return { email, password }
    },
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.kill('SIGTERM')
      await exited
      fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
