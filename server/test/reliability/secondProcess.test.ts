import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { newTestServer } from '../utils/newTestServer.js'
import { reportFigure } from './support/figures.js'
import { freePort, type ServerProcess, startServerProcess } from './support/serverProcess.js'

describe('one server per DATA_DIR', () => {
  const cleanups: (() => unknown)[] = []
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c()
  })

  it('a second server in the same process refuses to start with a clear message', async () => {
    const t = await newTestServer()
    cleanups.push(() => t.close())
    await expect(newTestServer({ DATA_DIR: t.dataDir })).rejects.toThrow(
      /Another Accord server \(pid \d+\) is using/,
    )
  })

  it('a second server process refuses to start, names the first, and leaves it serving', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-lock-'))
    cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }))
    const first = await startServerProcess(dataDir, await freePort())
    cleanups.push(() => first.child.kill('SIGKILL'))
    const second: ServerProcess = await startServerProcess(
      dataDir,
      await freePort(),
      {},
      {
        waitUntilServing: false,
      },
    )
    cleanups.push(() => second.child.kill('SIGKILL'))
    expect(await second.exited).toBe(1)
    expect(second.output()).toContain(
      `Accord could not start: Another Accord server (pid ${first.child.pid}) is using ${dataDir}`,
    )
    expect((await fetch(`${first.url}/api/health`)).status).toBe(200)
    expect(fs.readFileSync(path.join(dataDir, 'accord.lock'), 'utf8')).toBe(String(first.child.pid))
    reportFigure('7 second process', { refused: true, exitCode: 1, firstStillServing: true })
  })

  it('a lock left by a killed process is taken over', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-lock-'))
    cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }))
    const killed = await startServerProcess(dataDir, await freePort())
    killed.child.kill('SIGKILL')
    await killed.exited
    expect(fs.existsSync(path.join(dataDir, 'accord.lock'))).toBe(true)
    const next = await startServerProcess(dataDir, await freePort())
    cleanups.push(() => next.child.kill('SIGKILL'))
    expect((await fetch(`${next.url}/api/health`)).status).toBe(200)
  })
})
