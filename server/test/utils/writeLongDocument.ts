import { jsonToUpdate } from '@accord/schema'
import { vi } from 'vitest'
import * as Y from 'yjs'
import { longDocument, PER_CLAUSE } from './longDocument.js'
import { newTestClient } from './newTestClient.js'

/**
 * Writes `longDocument(paragraphs)` into a document through a real provider, and returns once
 * the server holds it (a second client has it from the server).
 */
export const writeLongDocument = async (
  wsUrl: string,
  documentId: string,
  cookie: string,
  paragraphs: number,
): Promise<void> => {
  const writer = newTestClient(wsUrl, documentId, cookie)
  const reader = newTestClient(wsUrl, documentId, cookie)
  try {
    await writer.synced()
    Y.applyUpdate(writer.doc, jsonToUpdate(longDocument(paragraphs)))
    await reader.synced()
    const clauses = Math.ceil(paragraphs / PER_CLAUSE)
    await vi.waitFor(
      () => {
        const count = reader.fragment
          .toArray()
          .filter((node) => node instanceof Y.XmlElement && node.nodeName === 'clause').length
        if (count < clauses) throw new Error(`${count} of ${clauses} clauses so far`)
      },
      { timeout: 30_000 },
    )
  } finally {
    writer.destroy()
    reader.destroy()
  }
}
