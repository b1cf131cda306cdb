/**
 * The server's own cost of the update path, without the network: keystrokes of four people
 * in a 500-paragraph document, fed to a Room through Connections on in-memory sockets (the
 * relay's frames are written and dropped, the store keeps nothing, a durable write every
 * PER_WRITE keystrokes), timed by the process's CPU. Runs each given build
 * of the server in turn, A B A B, each in a fresh process, so two builds compare in one run
 * without the kernel's socket work and the load harness that dominate `npm run bench`.
 *
 *   npx tsx server/bench/measureUpdatePath.ts server/dist /path/to/other/server/dist
 *
 * With UPDATE_PATH_PROFILE=FILE, each child writes a CPU profile of its measured keystrokes
 * (FILE.<build n>.<round>.cpuprofile; open it in Chromium's DevTools).
 */
import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { Session } from 'node:inspector/promises'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import * as Y from 'yjs'
import { nullSocket } from './nullSocket.js'

const UPDATES = 20_000
const PEOPLE = 4
const ROUNDS = 5
/** Keystrokes per durable write: (a) of `npm run bench` writes about this many per flush tick. */
const PER_WRITE = 2

/** Runs in the child: one build, one measurement; prints µs of CPU per update. */
const measure = async (dist: string): Promise<void> => {
  const load = (file: string) => import(pathToFileURL(path.join(dist, file)).href)
  const { Room } = await load('collab/Room.js')
  const { Connection } = await load('collab/Connection.js')
  const { LocalCluster } = await load('cluster/LocalCluster.js')
  const { createLogger } = await load('logger.js')
  const { writeUpdate } = await load('collab/protocol.js')

  // The document as its writers hold it, and each writer's keystrokes as they would send them.
  const seed = new Y.Doc()
  const body = seed.getXmlFragment('default')
  body.insert(
    0,
    Array.from({ length: 500 }, (_, i) => {
      const paragraph = new Y.XmlElement('paragraph')
      paragraph.insert(0, [new Y.XmlText(`Статья ${i}. Каждый имеет право на защиту данных.`)])
      return paragraph
    }),
  )
  const start = Y.encodeStateAsUpdate(seed)
  const writers = Array.from({ length: PEOPLE }, (_, i) => {
    const doc = new Y.Doc()
    doc.clientID = 1000 + i
    Y.applyUpdate(doc, start)
    return doc
  })
  const frames: { writer: number; frame: Uint8Array }[] = []
  for (let n = 0; n < UPDATES; n++) {
    const writer = n % PEOPLE
    const doc = writers[writer] as Y.Doc
    // What a provider sends: the transaction's update, its own deletions only.
    let update: Uint8Array = new Uint8Array()
    const take = (u: Uint8Array) => {
      update = u
    }
    doc.once('update', take)
    const paragraph = doc.getXmlFragment('default').get((n * 7) % 500) as Y.XmlElement
    const text = paragraph.get(0) as Y.XmlText
    if (n % 10 === 9) text.delete(0, 1)
    else text.insert(3, 'ж')
    frames.push({ writer, frame: writeUpdate(update) })
    // Every writer receives everything, as through the server.
    for (const other of writers) if (other !== doc) Y.applyUpdate(other, update)
  }

  const store = {
    load: async () => ({ updates: [start], logLength: 1 }),
    append: async () => undefined,
    compact: async () => undefined,
  }
  const room = await Room.load(
    'bench',
    'draft',
    store,
    await new LocalCluster().joinRoom(),
    { flushDelayMs: 25, compactAfterUpdates: 500 },
    createLogger('silent'),
  )
  const limits = {
    maxMessagesPerSecond: 1e9,
    maxBytesPerSecond: 1e12,
    maxAnswerBytesPerSecond: 1e12,
    answerBurstBytes: 1e12,
    maxBufferedBytes: 1e12,
    maxQueuedBytes: 1e12,
  }
  const connections = Array.from({ length: PEOPLE }, (_, i) => {
    const user = { id: `u${i}`, name: `Person ${i}`, color: '#000', role: 'member' }
    const connection = new Connection(nullSocket(), user, limits)
    room.addConnection(connection)
    return connection
  })
  // The relay is flushed once per event-loop turn: a turn per keystroke, as from the network.
  const turn = () => new Promise<void>((resolve) => setImmediate(resolve))
  for (let n = 0; n < 500; n++) {
    const { writer, frame } = frames[n] as { writer: number; frame: Uint8Array }
    connections[writer].receive(frame)
    await turn()
    if (n % PER_WRITE === 0) await room.flush()
  }
  const profileTo = process.env.UPDATE_PATH_PROFILE_FILE
  const session = profileTo ? new Session() : undefined
  if (session) {
    session.connect()
    await session.post('Profiler.enable')
    await session.post('Profiler.start')
  }
  const cpu = process.cpuUsage()
  for (let n = 500; n < UPDATES; n++) {
    const { writer, frame } = frames[n] as { writer: number; frame: Uint8Array }
    connections[writer].receive(frame)
    await turn()
    if (n % PER_WRITE === 0) await room.flush()
  }
  const used = process.cpuUsage(cpu)
  if (session && profileTo) {
    const { profile } = await session.post('Profiler.stop')
    writeFileSync(profileTo, JSON.stringify(profile))
    session.disconnect()
  }
  await room.flush()
  const perUpdate = (used.user + used.system) / (UPDATES - 500)
  process.stdout.write(`${perUpdate.toFixed(2)}\n`)
  room.destroy()
}

const main = (dists: string[]): void => {
  const self = fileURLToPath(import.meta.url)
  const results = new Map<string, number[]>(dists.map((d) => [d, []]))
  const profile = process.env.UPDATE_PATH_PROFILE
  for (let round = 1; round <= ROUNDS; round++) {
    for (const [i, dist] of dists.entries()) {
      const env = profile
        ? { ...process.env, UPDATE_PATH_PROFILE_FILE: `${profile}.${i + 1}.${round}.cpuprofile` }
        : process.env
      const out = execFileSync(process.execPath, ['--import', 'tsx', self, '--child', dist], {
        encoding: 'utf8',
        env,
      })
      const value = Number(out.trim().split('\n').at(-1))
      results.get(dist)?.push(value)
      console.log(`round ${round}: ${dist}: ${value.toFixed(2)} µs of CPU per update`)
    }
  }
  for (const [dist, values] of results) {
    const sorted = [...values].sort((a, b) => a - b)
    console.log(`median ${dist}: ${sorted[Math.floor(sorted.length / 2)]?.toFixed(2)} µs`)
  }
}

const args = process.argv.slice(2)
if (args[0] === '--child') await measure(path.resolve(args[1] as string))
else main(args.length > 0 ? args : ['server/dist'])
