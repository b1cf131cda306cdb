import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { vi } from 'vitest'
import { ADMIN } from '../../utils/newTestServer.js'

const serverDir = path.resolve(import.meta.dirname, '../../..')
/** The built server; ACCORD_SERVER_MAIN runs another build (e.g. an older commit's, to compare). */
const MAIN = process.env.ACCORD_SERVER_MAIN ?? path.join(serverDir, 'dist/main.js')

export { freePort } from '@accord/test-support'

export interface ServerProcess {
  child: ChildProcess
  url: string
  /** Everything the process printed so far (stdout and stderr). */
  output(): string
  /** Resolves with the exit code (or the signal's name) once the process is gone. */
  exited: Promise<number | string>
}

/**
 * The built server (`dist/main.js`, built by `npm run build`, which `npm test` runs first)
 * as a child process on 127.0.0.1, so it can be killed for real.
 */
export const startServerProcess = async (
  dataDir: string,
  port: number,
  env: Record<string, string> = {},
  { waitUntilServing = true }: { waitUntilServing?: boolean } = {},
): Promise<ServerProcess> => {
  if (!fs.existsSync(MAIN)) throw new Error(`Build the server first: ${MAIN} is missing`)
  const child = spawn(process.execPath, [MAIN], {
    cwd: serverDir,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout?.on('data', (d) => {
    output += d
  })
  child.stderr?.on('data', (d) => {
    output += d
  })
  const exited = new Promise<number | string>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')),
  )
  const proc = { child, url: `http://127.0.0.1:${port}`, output: () => output, exited }
  if (waitUntilServing) {
    await vi.waitFor(
      () => {
        if (child.exitCode !== null) throw new Error(`server exited early:\n${output}`)
        if (!output.includes('Accord is running at')) throw new Error('not serving yet')
      },
      { timeout: 20_000, interval: 20 },
    )
  }
  return proc
}

/** Signs in over HTTP and returns the session cookie. */
export const signIn = async (url: string, email: string, password: string): Promise<string> => {
  const res = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  })
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status}`)
  return (res.headers.get('set-cookie') ?? '').split(';')[0] as string
}

/** Calls the API with a cookie and a JSON body; throws on an error status. */
export const apiCall = async <T>(
  url: string,
  method: string,
  urlPath: string,
  cookie: string,
  body?: unknown,
): Promise<T> => {
  const res = await fetch(`${url}${urlPath}`, {
    method,
    headers: { cookie, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  })
  if (!res.ok) throw new Error(`${method} ${urlPath}: ${res.status} ${await res.text()}`)
  return (res.status === 204 ? undefined : await res.json()) as T
}
