/**
 * Comment threads for the bench's annotated row: open threads spread evenly over the seeded
 * document, each anchored on a few words of one paragraph, posted through the HTTP API as
 * the editor would (anchors are Yjs relative positions into the same items the room holds,
 * since the room was seeded from the same update).
 */
import { encodeAnchor } from '@accord/schema'
import * as Y from 'yjs'

/** Threads in the annotated row (issue 21: "200 threads"). */
export const THREADS = 200

export const postThreads = async (
  origin: string,
  room: string,
  headers: Record<string, string>,
  update: Uint8Array,
  count: number,
): Promise<void> => {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, update)
  const paragraphs = doc.getXmlFragment('default').toArray() as Y.XmlElement[]
  const step = Math.max(1, Math.floor((paragraphs.length - 1) / count))
  for (let i = 0; i < count; i++) {
    const text = paragraphs[(i * step) % (paragraphs.length - 1)]?.get(0) as Y.XmlText
    const res = await fetch(`${origin}/api/documents/${encodeURIComponent(room)}/comments`, {
      method: 'POST',
      headers: { ...headers, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        body: `Bench thread ${i + 1}: is this wording right?`,
        quote: text.toString().slice(6, 22),
        anchor: encodeAnchor({ type: text, index: 6 }, { type: text, index: 22 }),
      }),
    })
    if (res.status !== 201) throw new Error(`posting a thread failed: ${res.status}`)
  }
  doc.destroy()
}
