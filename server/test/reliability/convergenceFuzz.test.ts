import * as prng from 'lib0/prng'
import { afterEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { newTestClient, type TestClient } from '../utils/newTestClient.js'
import { newTestServer, type TestServer } from '../utils/newTestServer.js'
import { LONG, reportFigure } from './support/figures.js'
import { databaseFile, storedDoc } from './support/sqliteFile.js'

const CLIENTS = 5
const STEPS = LONG ? 20_000 : 2000
const SEED = Number(process.env.ACCORD_SEED ?? Math.floor(Math.random() * 2 ** 31))

/** Marks as Tiptap's Collaboration keeps them: formatting attributes named after the mark. */
const MARKS: Record<string, unknown>[] = [
  { bold: {} },
  { italic: {} },
  { link: { href: 'https://example.org/standard' } },
  { bold: null },
]
const WORDS = ['право', 'standard', 'статья ', 'shall ', '¶', 'ü', '😀', ' ']

type Op = (client: TestClient, gen: prng.PRNG) => void

const textContent = (text: Y.XmlText): string =>
  text
    .toDelta()
    .map((d: { insert?: unknown }) => (typeof d.insert === 'string' ? d.insert : ''))
    .join('')

/**
 * Moves an index off the middle of a surrogate pair, as ProseMirror positions never fall
 * there. (Yjs turns a pair split by concurrent edits into U+FFFD, and peers can end up with
 * different replacement characters: a raw client can do that to its own text, the editor cannot.)
 */
const atBoundary = (text: Y.XmlText, index: number): number => {
  const code = textContent(text).charCodeAt(index)
  return index > 0 && code >= 0xdc00 && code <= 0xdfff ? index - 1 : index
}
/** The paragraphs and headings of a client's fragment. */
const blocks = (c: TestClient) => c.fragment.toArray().filter((n) => n instanceof Y.XmlElement)
const textOf = (block: Y.XmlElement): Y.XmlText | undefined => {
  const first = block.get(0)
  return first instanceof Y.XmlText ? first : undefined
}
const pickText = (c: TestClient, gen: prng.PRNG): Y.XmlText | undefined => {
  const all = blocks(c)
  if (all.length === 0) return undefined
  return textOf(all[prng.int32(gen, 0, all.length - 1)] as Y.XmlElement)
}

const ops: [string, number, Op][] = [
  [
    'insert a block',
    2,
    (c, gen) => {
      const block = new Y.XmlElement(prng.bool(gen) ? 'paragraph' : 'heading')
      if (block.nodeName === 'heading') block.setAttribute('level', String(prng.int32(gen, 1, 3)))
      block.insert(0, [new Y.XmlText(prng.oneOf(gen, WORDS))])
      c.fragment.insert(prng.int32(gen, 0, c.fragment.length), [block])
    },
  ],
  [
    'type',
    6,
    (c, gen) => {
      const text = pickText(c, gen)
      if (!text) return
      const at = atBoundary(text, prng.int32(gen, 0, text.length))
      const marks = prng.int32(gen, 0, 3) === 0 ? prng.oneOf(gen, MARKS) : undefined
      text.insert(at, prng.oneOf(gen, WORDS), marks as Record<string, unknown> | undefined)
    },
  ],
  [
    'delete text',
    3,
    (c, gen) => {
      const text = pickText(c, gen)
      if (!text || text.length === 0) return
      const at = atBoundary(text, prng.int32(gen, 0, text.length - 1))
      const end = atBoundary(text, at + prng.int32(gen, 1, Math.min(5, text.length - at)))
      if (end > at) text.delete(at, end - at)
    },
  ],
  [
    'format',
    2,
    (c, gen) => {
      const text = pickText(c, gen)
      if (!text || text.length === 0) return
      const at = atBoundary(text, prng.int32(gen, 0, text.length - 1))
      const end = atBoundary(text, at + prng.int32(gen, 1, text.length - at))
      if (end > at) text.format(at, end - at, prng.oneOf(gen, MARKS))
    },
  ],
  [
    'delete a block',
    1,
    (c, gen) => {
      if (c.fragment.length > 1) c.fragment.delete(prng.int32(gen, 0, c.fragment.length - 1), 1)
    },
  ],
]
const weighted = ops.flatMap((op) => Array.from({ length: op[1] }, () => op))

describe('randomized convergence through the real server', () => {
  let t: TestServer
  const clients: TestClient[] = []
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy()
    await t.close()
  })

  it(
    `five clients with random edits, disconnects and delays converge, and SQLite holds the same (seed ${SEED})`,
    async () => {
      const gen = prng.create(SEED)
      const why = `seed ${SEED} (rerun with ACCORD_SEED=${SEED})`
      t = await newTestServer({ MAX_MESSAGES_PER_SECOND: '2000' })
      const { cookie } = await t.newUser('member')
      const docId = await t.newDocument(cookie)
      for (let i = 0; i < CLIENTS; i++) clients.push(newTestClient(t.wsUrl, docId, cookie))
      await Promise.all(clients.map((c) => c.synced()))

      const counts: Record<string, number> = { disconnect: 0, reconnect: 0, pause: 0 }
      for (let step = 0; step < STEPS; step++) {
        const client = prng.oneOf(gen, clients)
        const roll = prng.int32(gen, 0, 99)
        if (roll < 4 && client.provider.shouldConnect) {
          client.provider.disconnect()
          counts.disconnect = (counts.disconnect ?? 0) + 1
        } else if (roll < 10 && !client.provider.shouldConnect) {
          client.provider.connect()
          counts.reconnect = (counts.reconnect ?? 0) + 1
        } else if (roll < 16) {
          // Let messages cross, as network latency would.
          await new Promise((r) => setTimeout(r, prng.int32(gen, 0, 15)))
          counts.pause = (counts.pause ?? 0) + 1
        } else {
          const [name, , op] = prng.oneOf(gen, weighted)
          op(client, gen)
          counts[name] = (counts[name] ?? 0) + 1
        }
      }
      for (const c of clients) if (!c.provider.shouldConnect) c.provider.connect()

      const reference = () => clients[0] as TestClient
      await vi.waitFor(
        () => {
          for (const c of clients) {
            expect(c.provider.synced, why).toBe(true)
            expect(Y.encodeStateVector(c.doc), why).toEqual(Y.encodeStateVector(reference().doc))
            expect(c.fragment.toJSON(), why).toBe(reference().fragment.toJSON())
          }
        },
        { timeout: 20_000 },
      )
      const content = reference().fragment.toJSON()
      const stateVector = Y.encodeStateVector(reference().doc)

      // Restart the server: a sixth client loads only what SQLite kept.
      for (const c of clients) c.destroy()
      clients.length = 0
      await t.restart()
      const stored = await storedDoc(databaseFile(t.dataDir), docId)
      expect(Y.encodeStateVector(stored), why).toEqual(stateVector)
      const sixth = newTestClient(t.wsUrl, docId, cookie)
      clients.push(sixth)
      await sixth.synced()
      expect(sixth.fragment.toJSON(), why).toBe(content)
      expect(Y.encodeStateVector(sixth.doc), why).toEqual(stateVector)

      reportFigure('11 convergence fuzz', {
        seed: SEED,
        clients: CLIENTS,
        steps: STEPS,
        ops: counts,
        blocksAtEnd: sixth.fragment.length,
        identical: true,
      })
    },
    (LONG ? 10 : 2) * 60_000,
  )
})
