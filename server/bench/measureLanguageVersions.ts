/**
 * Issue 16: three language versions open. A 500-clause Russian source on a fresh Accord,
 * with two translations made from it (English and Kazakh, `fill: source`) or none; one
 * person has each version open, and a member types 200 characters into the source, one round
 * trip each. Server CPU per keystroke and RSS, with the translations against without: what
 * following the source's clauses for its translations costs while people type.
 */
import * as Y from 'yjs'
import { connectClient } from './benchClient.js'
import { type AccordHandle, freePort, launchAccord } from './launchers.js'
import { clauseDocument } from './measureLargeDocument.js'
import { cpuSeconds, rssMB } from './procStats.js'

const CLAUSES = 500
const KEYSTROKES = 200

export interface LanguageVersions {
  versions: number
  cpuPerKeystrokeUs: number
  rssMB: number
}

export const measureLanguageVersions = async (translations: boolean): Promise<LanguageVersions> => {
  const server = (await launchAccord({ port: await freePort() })) as AccordHandle
  try {
    const call = async (method: string, route: string, body?: unknown) => {
      const res = await server.adminCall(method, route, body)
      if (!res.ok) throw new Error(`${method} ${route}: ${res.status} ${await res.text()}`)
      return res.json() as Promise<Record<string, unknown>>
    }
    const { id: sourceId } = (await call('POST', '/api/documents', { title: 'Versions' })) as {
      id: string
    }
    const headers = await server.accountHeaders('coordinator')
    const typist = await connectClient(`${server.wsUrl}/${sourceId}`, headers)
    const seed = clauseDocument(CLAUSES)
    Y.applyUpdate(typist.doc, seed)
    typist.send(seed)
    await typist.roundTrip()
    const ids = [sourceId]
    if (translations) {
      for (const language of ['en', 'kk']) {
        const { document } = (await call('POST', `/api/documents/${sourceId}/languages`, {
          language,
          fill: 'source',
        })) as { document: { id: string } }
        ids.push(document.id)
      }
    }
    // Someone reading each version (the source's reader besides the typist).
    const readers = await Promise.all(
      ids.map((id) => connectClient(`${server.wsUrl}/${id}`, headers)),
    )
    const last = typist.doc.getXmlFragment('default').get(CLAUSES - 1) as Y.XmlElement
    const text = (last.get(1) as Y.XmlElement).get(0) as Y.XmlText
    typist.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== 'server') typist.send(update)
    })
    const before = cpuSeconds(server.pid)
    for (let i = 0; i < KEYSTROKES; i++) {
      text.insert(text.length, 'я')
      await typist.roundTrip()
    }
    const cpuPerKeystrokeUs = ((cpuSeconds(server.pid) - before) / KEYSTROKES) * 1e6
    const rss = rssMB(server.pid)
    await Promise.all([typist, ...readers].map((c) => c.close()))
    return { versions: ids.length, cpuPerKeystrokeUs, rssMB: rss }
  } finally {
    await server.stop()
  }
}
