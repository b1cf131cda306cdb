import { jsonToUpdate } from '@accord/schema'
import type { JSONContent } from '@tiptap/core'
import { vi } from 'vitest'
import * as Y from 'yjs'
import { newTestClient } from './newTestClient.js'

const SENTENCE =
  'Участники обеспечивают всеобщий и равный доступ к интернету, развивают цифровую грамотность и защищают права жителей при обработке их данных'
const PER_CLAUSE = 20

/**
 * A long standard as ProseMirror JSON: `paragraphs` body paragraphs of about 280 characters,
 * twenty to a clause, each clause with a heading, as a working group's longest texts are.
 */
export const longDocument = (paragraphs: number): JSONContent => {
  const clauses: JSONContent[] = []
  for (let i = 0; i < paragraphs; i += PER_CLAUSE) {
    const body: JSONContent[] = []
    for (let j = i; j < Math.min(paragraphs, i + PER_CLAUSE); j++) {
      body.push({
        type: 'paragraph',
        content: [{ type: 'text', text: `${j + 1}. ${SENTENCE}; ${SENTENCE.toLowerCase()}.` }],
      })
    }
    const n = i / PER_CLAUSE + 1
    clauses.push({
      type: 'clause',
      attrs: { id: `c${n}` },
      content: [
        { type: 'clauseHeading', content: [{ type: 'text', text: `Положение ${n}` }] },
        ...body,
      ],
    })
  }
  return { type: 'doc', content: clauses }
}

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
