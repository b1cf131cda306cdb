/**
 * Issue 16's largest document: 5,000 clauses (a heading and four body paragraphs each, about
 * 10 MiB of Yjs state) opened on a fresh process. For Accord: the first sync after a restart
 * (the document read from SQLite and loaded) and a second person's sync of the loaded
 * document; for the reference, which keeps nothing, the second of the same. Then one client
 * types 200 characters into the last clause, one round trip each, to show what an edit of
 * such a document costs: server CPU per keystroke.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { jsonToUpdate } from '@accord/schema'
import type { JSONContent } from '@tiptap/core'
import type * as Y from 'yjs'
import { connectClient, headerRecord } from './benchClient.js'
import { freePort, type Launcher } from './launchers.js'
import { cpuSeconds, rssMB } from './procStats.js'

const CLAUSES = 5000
const PARAGRAPHS_PER_CLAUSE = 4
const KEYSTROKES = 200
const SENTENCE =
  'Участники обеспечивают всеобщий и равный доступ к интернету, развивают цифровую грамотность и защищают права жителей при обработке их данных'

/** A standard of `count` clauses as one Yjs update, as an import or a long paste would write it. */
export const clauseDocument = (count: number): Uint8Array => {
  const clauses: JSONContent[] = []
  for (let n = 1; n <= count; n++) {
    const body: JSONContent[] = []
    for (let j = 1; j <= PARAGRAPHS_PER_CLAUSE; j++) {
      body.push({
        type: 'paragraph',
        content: [{ type: 'text', text: `${n}.${j}. ${SENTENCE}; ${SENTENCE.toLowerCase()}.` }],
      })
    }
    clauses.push({
      type: 'clause',
      attrs: { id: `c${n}` },
      content: [
        { type: 'clauseHeading', content: [{ type: 'text', text: `Положение ${n}` }] },
        ...body,
      ],
    })
  }
  return jsonToUpdate({ type: 'doc', content: clauses })
}

export interface LargeOpen {
  stateBytes: number
  /** Accord only: ms from opening the socket to the applied SyncStep2, after a restart. */
  coldMs?: number
  /** ms for a second person to sync the loaded document. */
  warmMs: number
  /** Server CPU per keystroke into the last clause (µs). */
  cpuPerKeystrokeUs: number
  /** Server RSS with the document open (MB). */
  rssMB: number
}

/** Seeds the document, restarts (when `restart`), and times the syncs and the typing. */
export const measureLargeDocument = async (
  launch: Launcher,
  restart: boolean,
): Promise<LargeOpen> => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'accord-bench-large-'))
  // One frame holds the whole seed (Accord's default limit is 8 MiB).
  const env = { MAX_MESSAGE_BYTES: String(64 * 1024 * 1024) }
  try {
    let server = await launch({ port: await freePort(), dataDir, env })
    const { rooms, headers } = await server.prepareRooms(1)
    const url = () => `${server.wsUrl}/${rooms[0] as string}`
    const seeder = await connectClient(url(), headerRecord(headers))
    const seed = clauseDocument(CLAUSES)
    seeder.send(seed)
    await seeder.roundTrip()
    await seeder.close()
    let coldMs: number | undefined
    let fresh = headers
    if (restart) {
      await server.stop()
      server = await launch({ port: await freePort(), dataDir, env })
      fresh = (await server.prepareRooms(0)).headers
      const first = await connectClient(url(), headerRecord(fresh))
      coldMs = first.syncedInMs
      await first.close()
    }
    const second = await connectClient(url(), headerRecord(fresh))
    const blocks = second.doc.getXmlFragment('default').length
    if (blocks < CLAUSES) throw new Error(`the large document synced with ${blocks} clauses`)
    const warmMs = second.syncedInMs
    const stateBytes = second.syncBytes
    // Typing at the end of the last clause's last paragraph.
    const last = second.doc.getXmlFragment('default').get(CLAUSES - 1) as Y.XmlElement
    const text = (last.get(PARAGRAPHS_PER_CLAUSE) as Y.XmlElement).get(0) as Y.XmlText
    const send = (update: Uint8Array, origin: unknown) => {
      if (origin !== 'server') second.send(update)
    }
    second.doc.on('update', send)
    const cpuBefore = cpuSeconds(server.pid)
    for (let i = 0; i < KEYSTROKES; i++) {
      text.insert(text.length, 'a')
      await second.roundTrip()
    }
    const cpuPerKeystrokeUs = ((cpuSeconds(server.pid) - cpuBefore) / KEYSTROKES) * 1e6
    second.doc.off('update', send)
    const rss = rssMB(server.pid)
    await second.close()
    await server.stop()
    return { stateBytes, coldMs, warmMs, cpuPerKeystrokeUs, rssMB: rss }
  } finally {
    rmSync(dataDir, { recursive: true, force: true })
  }
}
