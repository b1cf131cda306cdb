import { execFile } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'

const SERVER_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

/**
 * Libraries only some requests use: the file writers of an export, a comment template's reader,
 * the glossary's TBX (XML) and CSV readers and writers, the multipart reader of uploads, the
 * mail client, and the PostgreSQL and Redis clients when none is configured. Loaded at
 * start they cost every process tens of megabytes of heap (issue 16: the consultation pages
 * importing the export package's root took the idle RSS from 108 to 142 MB), so they load on
 * first use.
 */
const LOADED_ON_FIRST_USE = [
  'exceljs',
  'pdfkit',
  'docx',
  'fontkit',
  'prosemirror-markdown',
  'fast-xml-parser',
  'csv-parse',
  'csv-stringify',
  'multer',
  'busboy',
  'nodemailer',
  'pg',
  'ioredis',
]

/** Starts a server (SQLite, no mail, no Redis) in a fresh process and lists every file it loaded. */
const modulesLoadedAtStart = async (): Promise<string[]> => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-startup-'))
  const listFile = path.join(dir, 'loaded.txt')
  const hooks = path.join(dir, 'hooks.mjs')
  fs.writeFileSync(
    hooks,
    `import { appendFileSync } from 'node:fs'
export async function load(url, context, next) {
  appendFileSync(${JSON.stringify(listFile)}, url + '\\n')
  return next(url, context)
}
`,
  )
  const register = path.join(dir, 'register.mjs')
  fs.writeFileSync(
    register,
    `import { register } from 'node:module'
register(${JSON.stringify(pathToFileURL(hooks).href)})
`,
  )
  const main = path.join(dir, 'start.mts')
  const src = (file: string) =>
    JSON.stringify(pathToFileURL(path.join(SERVER_DIR, 'src', file)).href)
  fs.writeFileSync(
    main,
    `import { loadConfig } from ${src('config.ts')}
import { createLogger } from ${src('logger.ts')}
import { startServer } from ${src('startServer.ts')}
const config = loadConfig({
  PORT: '0',
  HOST: '127.0.0.1',
  DATA_DIR: ${JSON.stringify(path.join(dir, 'data'))},
  ADMIN_EMAIL: 'startup-admin@example.org',
  ADMIN_PASSWORD: 'startup-Password-5c1e9a2b',
  LOG_LEVEL: 'silent',
})
const server = await startServer(config, createLogger(config.logLevel))
await server.close()
`,
  )
  try {
    await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', '--import', pathToFileURL(register).href, main],
      { cwd: SERVER_DIR, env: { ...process.env, NODE_ENV: 'production' }, timeout: 120_000 },
    )
    return fs.readFileSync(listFile, 'utf8').split('\n').filter(Boolean)
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

describe('what a server loads at start', () => {
  it('leaves the export writers, the template reader, glossary files, uploads, mail, PostgreSQL and Redis for first use', async () => {
    const loaded = await modulesLoadedAtStart()
    // The listing works: the server's own modules and the collaboration stack are in it.
    expect(loaded.some((url) => url.includes('/server/src/startServer.ts'))).toBe(true)
    expect(loaded.some((url) => url.includes('/node_modules/yjs/'))).toBe(true)
    const early = LOADED_ON_FIRST_USE.filter((name) =>
      loaded.some((url) => url.includes(`/node_modules/${name}/`)),
    )
    expect(early).toEqual([])
  }, 150_000)
})
