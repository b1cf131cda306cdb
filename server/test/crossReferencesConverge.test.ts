import { clauseReferenceLabels, documentSchema } from '@accord/schema'
import type { JSONContent } from '@tiptap/core'
import type { Node as PMNode } from '@tiptap/pm/model'
import { describe, expect, it, vi } from 'vitest'
import { editAs, pmDoc, posOf, writeBody } from './utils/editAs.js'
import { useTestServer } from './utils/useTestServer.js'

const text = (t: string) => ({ type: 'text', text: t })
const ref = (clauseId: string) => ({ type: 'clauseRef', attrs: { clauseId } })
const clause = (id: string, heading: string, body: JSONContent[]) => ({
  type: 'clause',
  attrs: { id },
  content: [
    { type: 'clauseHeading', content: [text(heading)] },
    { type: 'paragraph', content: body },
  ],
})

/** Clause 1 refers to clause 3. */
const seed: JSONContent = {
  type: 'doc',
  content: [
    clause('scope', 'Scope', [text('Terms as in '), ref('terms'), text('.')]),
    clause('rights', 'Rights', [text('Everyone may complain.')]),
    clause('terms', 'Terms', [text('Ombudsman means the office.')]),
  ],
}

const labels = (doc: PMNode) => clauseReferenceLabels(doc, 'article', 'en').map((r) => r.label)

/** Where the clause with this id starts, and the node itself. */
const clauseAt = (doc: PMNode, id: string): { pos: number; node: PMNode } => {
  let found: { pos: number; node: PMNode } | null = null
  doc.forEach((node, pos) => {
    if (node.attrs.id === id) found = { pos, node }
  })
  if (!found) throw new Error(`no clause ${id}`)
  return found
}

describe('cross-references through the real server', () => {
  const t = useTestServer()

  it('follow their clause when another member moves it, for everyone, and show it deleted', async () => {
    const { docId, a, b } = await t.twoMembersInOneDocument()
    writeBody(a.doc, seed)
    await vi.waitFor(() => expect(labels(pmDoc(b.doc))).toEqual(['Article 3']))

    // Bob refers to "Terms" from "Rights" too.
    editAs(b.doc, (tr) => {
      const at = posOf(tr.doc, 'complain') + 'complain'.length
      const schema = tr.doc.type.schema
      tr.insert(at, [schema.text(' under '), schema.nodeFromJSON(ref('terms'))])
    })
    await vi.waitFor(() => expect(labels(pmDoc(a.doc))).toEqual(['Article 3', 'Article 3']))

    // Alice moves "Terms" to the top while Bob, offline, goes on writing.
    b.provider.disconnect()
    editAs(a.doc, (tr) => {
      const terms = clauseAt(tr.doc, 'terms')
      tr.delete(terms.pos, terms.pos + terms.node.nodeSize)
      tr.insert(0, terms.node)
    })
    expect(labels(pmDoc(a.doc))).toEqual(['Article 1', 'Article 1'])
    editAs(b.doc, (tr) => {
      tr.insertText(' In writing.', posOf(tr.doc, 'Ombudsman means the office.') + 27)
    })
    expect(labels(pmDoc(b.doc))).toEqual(['Article 3', 'Article 3'])
    b.provider.connect()

    await vi.waitFor(() => {
      expect(pmDoc(a.doc).toJSON()).toEqual(pmDoc(b.doc).toJSON())
      expect(labels(pmDoc(b.doc))).toEqual(['Article 1', 'Article 1'])
    })
    const merged = pmDoc(a.doc)
    expect(() => documentSchema().nodeFromJSON(merged.toJSON()).check()).not.toThrow()
    expect(clauseAt(merged, 'terms').pos).toBe(0)

    // Deleting the clause leaves the references dangling, and plainly so, for everyone.
    editAs(b.doc, (tr) => {
      const terms = clauseAt(tr.doc, 'terms')
      tr.delete(terms.pos, terms.pos + terms.node.nodeSize)
    })
    await vi.waitFor(() => expect(labels(pmDoc(a.doc))).toEqual(['Article ?', 'Article ?']))

    // A third person joining later receives the references from the server's copy.
    const carol = await t.newUser('observer', 'Carol')
    const c = t.client(docId, carol.cookie)
    await c.synced()
    await vi.waitFor(() => expect(pmDoc(c.doc).toJSON()).toEqual(pmDoc(a.doc).toJSON()))
  })
})
