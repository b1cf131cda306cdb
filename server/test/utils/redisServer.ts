import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import net from 'node:net'
import { freePort } from '@accord/test-support'
import { vi } from 'vitest'

const findRedis = (): string | undefined => {
  try {
    return (
      execFileSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' }).trim() ||
      undefined
    )
  } catch {
    return undefined
  }
}

/** Debian's redis-server, which tests start themselves (so they can stop and restart it). */
export const REDIS_SERVER = findRedis()

const reachable = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect(port, '127.0.0.1')
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
  })

export interface TestRedis {
  url: string
  /** Kills it (SIGKILL: whatever it held is gone, as in a crash). */
  kill(): Promise<void>
  /** Starts it again on the same port, empty. */
  start(): Promise<void>
  /** Stops it answering while its connections stay open (SIGSTOP), as a hung server does. */
  freeze(): void
  /** Lets a frozen one answer again (SIGCONT): what was sent meanwhile is answered then. */
  thaw(): void
  stop(): Promise<void>
}

/** A throwaway Redis on a free loopback port, no persistence. */
export const startRedis = async (): Promise<TestRedis> => {
  if (!REDIS_SERVER) throw new Error('redis-server is not installed')
  const port = await freePort()
  let child: ChildProcess | undefined
  const start = async () => {
    child = spawn(
      REDIS_SERVER,
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: 'ignore' },
    )
    await vi.waitFor(
      async () => {
        if (!(await reachable(port))) throw new Error('redis not up yet')
      },
      { timeout: 10_000, interval: 50 },
    )
  }
  const kill = async () => {
    const running = child
    if (!running || running.exitCode !== null || running.signalCode !== null) return
    const exited = new Promise((resolve) => running.once('exit', resolve))
    running.kill('SIGKILL')
    await exited
  }
  await start()
  return {
    url: `redis://127.0.0.1:${port}`,
    kill,
    start,
    stop: kill,
    freeze: () => child?.kill('SIGSTOP'),
    thaw: () => child?.kill('SIGCONT'),
  }
}
