/**
 * Two Accord instances on one PostgreSQL database and one Redis, behind a round-robin TCP
 * relay, so the clients of one document are split across the instances (the scale-out
 * setting). The relay stands in for nginx; it adds one loopback hop to every message.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import net from 'node:net'
import pg from 'pg'
import { freePort, type Launcher, launchAccord } from './launchers.js'

const POSTGRES_URL = process.env.ACCORD_BENCH_POSTGRES_URL || process.env.ACCORD_TEST_POSTGRES_URL

const redisServer = (): string | undefined => {
  try {
    return execFileSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' }).trim()
  } catch {
    return undefined
  }
}

/** Why the pair cannot run here, or undefined when it can. */
export const accordPairUnavailable = (): string | undefined => {
  if (!POSTGRES_URL) {
    return 'set ACCORD_BENCH_POSTGRES_URL to a PostgreSQL server the bench may create databases on'
  }
  if (!redisServer()) return 'redis-server is not installed'
  return undefined
}

const admin = async (sql: string) => {
  const client = new pg.Client({ connectionString: POSTGRES_URL })
  await client.connect()
  try {
    await client.query(sql)
  } finally {
    await client.end()
  }
}

const startRedis = async (port: number): Promise<ChildProcess> => {
  const child = spawn(
    redisServer() as string,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  )
  for (let i = 0; i < 100; i++) {
    const up = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.destroy()
        resolve(true)
      })
      socket.once('error', () => resolve(false))
    })
    if (up) return child
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  child.kill('SIGKILL')
  throw new Error('redis-server did not start')
}

/** Accepts on `port` and hands each connection to the next backend in turn. */
const roundRobin = (port: number, backends: number[]): Promise<net.Server> =>
  new Promise((resolve, reject) => {
    let next = 0
    const server = net.createServer((inbound) => {
      const outbound = net.connect(backends[next++ % backends.length] as number, '127.0.0.1')
      inbound.setNoDelay(true)
      outbound.setNoDelay(true)
      const close = () => {
        inbound.destroy()
        outbound.destroy()
      }
      inbound.on('error', close).on('close', close)
      outbound.on('error', close).on('close', close)
      inbound.pipe(outbound).pipe(inbound)
    })
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => resolve(server))
  })

export const launchAccordPair: Launcher = async ({ port, env = {}, nodeFlags }) => {
  const reason = accordPairUnavailable()
  if (reason) throw new Error(reason)
  const name = `accord_bench_${randomBytes(5).toString('hex')}`
  await admin(`CREATE DATABASE ${name}`)
  const url = new URL(POSTGRES_URL as string)
  url.pathname = `/${name}`
  const redisPort = await freePort()
  const redis = await startRedis(redisPort)
  const publicOrigin = `http://127.0.0.1:${port}`
  const shared = {
    ...env,
    DATABASE_URL: url.toString(),
    REDIS_URL: `redis://127.0.0.1:${redisPort}`,
  }
  const ports = [await freePort(), await freePort()]
  // One after the other: the first creates the schema and the bench account.
  const first = await launchAccord({
    port: ports[0] as number,
    env: shared,
    nodeFlags,
    publicOrigin,
  })
  const second = await launchAccord({
    port: ports[1] as number,
    env: shared,
    nodeFlags,
    publicOrigin,
  })
  const relay = await roundRobin(port, ports)
  return {
    // The harness samples one process; the table says so.
    pid: first.pid,
    wsUrl: `ws://127.0.0.1:${port}/collab`,
    prepareRooms: (count) => first.prepareRooms(count),
    async stop() {
      await new Promise((resolve) => relay.close(resolve))
      await Promise.all([first.stop(), second.stop()])
      redis.kill('SIGKILL')
      await admin(`DROP DATABASE ${name} WITH (FORCE)`)
    },
  }
}
