import { alignClauses } from '@accord/diff'
import type { AlignmentResponse } from '@accord/protocol'
import { baseDocument, docToJSON } from '@accord/schema'
import type { JSONContent } from '@tiptap/core'
import type { Node as PMNode } from '@tiptap/pm/model'
import { expect, it, vi } from 'vitest'
import type * as Y from 'yjs'
import { documentWithTranslation } from './utils/documentWithTranslation.js'
import { editAs, pmDoc } from './utils/editAs.js'
import { useTestServer } from './utils/useTestServer.js'

const t = useTestServer()

/** mulberry32: a small seeded generator, so a failing run can be replayed. */
const seeded = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0
  let x = Math.imul(seed ^ (seed >>> 15), 1 | seed)
  x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x
  return ((x ^ (x >>> 14)) >>> 0) / 4294967296
}
const SEED = Number(process.env.ACCORD_TRANSLATION_SEED ?? Date.now() % 100_000)

const CLAUSES = 8
const ids = Array.from({ length: CLAUSES }, (_, i) => `c${i + 1}`)
const text = (value: string): JSONContent[] => (value ? [{ type: 'text', text: value }] : [])
const source: JSONContent = {
  type: 'doc',
  content: ids.map((id, i) => ({
    type: 'clause',
    attrs: { id },
    content: [
      { type: 'clauseHeading', content: text(`Статья про ${id}`) },
      { type: 'paragraph', content: text(`Положение номер ${i + 1} действует.`) },
    ],
  })),
}

/** Inside the body paragraph of a clause, at its end. */
const endOfBody = (doc: PMNode, clauseId: string): number => {
  let found = -1
  doc.descendants((node, pos) => {
    if (found >= 0) return false
    if (node.attrs.id !== clauseId) return true
    node.forEach((child, offset) => {
      if (found < 0 && child.type.name === 'paragraph')
        found = pos + 1 + offset + child.nodeSize - 1
    })
    return false
  })
  if (found < 0) throw new Error(`no body in ${clauseId}`)
  return found
}
const typeInto = (doc: Y.Doc, clauseId: string, words: string) =>
  editAs(doc, (tr) => tr.insertText(words, endOfBody(tr.doc, clauseId)))

const alignment = async (id: string, cookie: string) =>
  (await t.api<AlignmentResponse>('GET', `/api/documents/${id}/alignment`, { cookie })).body

it(`two source editors and a translator at once: staleness and alignment stay right for everyone (seed ${SEED})`, async () => {
  const random = seeded(SEED)
  const [a, b] = [await t.newUser('coordinator', 'Anna'), await t.newUser('member', 'Boris')]
  const translator = await t.newUser('member', 'Tanya')
  const {
    sourceId,
    editor: editorA,
    translation,
  } = await documentWithTranslation(t, { source, coordinator: a })
  const translationId = translation.id
  const editorB = t.client(sourceId, b.cookie)
  await editorB.synced()
  await vi.waitFor(() => expect(docToJSON(editorB.doc)).toEqual(docToJSON(editorA.doc)))

  // The translator holds both texts, as the side-by-side view does.
  const target = t.client(translationId, translator.cookie)
  const sourceCopy = t.client(sourceId, translator.cookie)
  await Promise.all([target.synced(), sourceCopy.synced()])
  await vi.waitFor(() => expect(docToJSON(target.doc).content).toHaveLength(CLAUSES))
  for (const id of ids) typeInto(target.doc, id, `Provision ${id} applies.`)
  const mark = (id: string) =>
    t.api('POST', `/api/documents/${translationId}/clauses/${id}/translated`, {
      cookie: translator.cookie,
      body: {},
    })
  for (const id of ids) expect((await mark(id)).status).toBe(200)
  expect((await alignment(translationId, translator.cookie)).counts.upToDate).toBe(CLAUSES)

  // At once: A and B edit source clauses picked by the seed (some the same clause), B adds
  // a clause, the translator types in the translation and marks clauses again.
  const pick = () => ids[Math.floor(random() * CLAUSES)] as string
  const editedByA = [pick(), pick()]
  const editedByB = [pick(), pick()]
  const retyped = [pick(), pick()]
  const remarked = ids.filter((id) => ![...editedByA, ...editedByB].includes(id)).slice(0, 2)
  await Promise.all([
    (async () => {
      for (const id of editedByA) typeInto(editorA.doc, id, ' Изменено Анной.')
    })(),
    (async () => {
      for (const id of editedByB) typeInto(editorB.doc, id, ' Изменено Борисом.')
      editAs(editorB.doc, (tr) =>
        tr.insert(
          tr.doc.content.size,
          tr.doc.type.schema.nodeFromJSON({
            type: 'clause',
            attrs: { id: 'added' },
            content: [
              { type: 'clauseHeading', content: text('Новая') },
              { type: 'paragraph', content: text('Добавлено.') },
            ],
          }),
        ),
      )
    })(),
    (async () => {
      for (const id of retyped) typeInto(target.doc, id, ' Reworded.')
      for (const id of remarked) expect((await mark(id)).status).toBe(200)
    })(),
  ])

  // Everyone converges on one source text and one translation text.
  await vi.waitFor(() => {
    expect(docToJSON(editorB.doc)).toEqual(docToJSON(editorA.doc))
    expect(docToJSON(sourceCopy.doc)).toEqual(docToJSON(editorA.doc))
  })
  const edited = new Set([...editedByA, ...editedByB])
  let aligned = await alignment(translationId, translator.cookie)
  await vi.waitFor(async () => {
    aligned = await alignment(translationId, translator.cookie)
    expect(aligned.clauses.map((c) => c.state)).toEqual([
      ...ids.map((id) => (edited.has(id) ? 'outdated' : 'upToDate')),
      'untranslated',
    ])
  })
  expect(aligned.counts).toEqual({
    upToDate: CLAUSES - edited.size,
    outdated: edited.size,
    untranslated: 1,
  })
  expect(aligned.pendingChanges.map((c) => c.id)).toEqual(['add:added'])
  for (const clause of aligned.clauses.filter((c) => c.state === 'outdated')) {
    const inserted = clause.sourceDiff?.filter((c) => c.type === 'insert').map((c) => c.text)
    expect(inserted?.join('')).toMatch(/Изменено (Анной|Борисом)\./)
  }
  // The translator's copy of the source says the same with the shared rule and the marks:
  // the view turns a clause outdated as soon as the source edit reaches it, without asking.
  const marks = new Map(
    aligned.clauses.flatMap((c) => (c.marked ? [[c.clauseId, c.marked] as const] : [])),
  )
  const live = alignClauses(
    baseDocument(pmDoc(sourceCopy.doc)).toJSON(),
    docToJSON(target.doc),
    marks,
    'ru-RU',
  )
  expect(live.clauses.map((c) => c.state)).toEqual(aligned.clauses.map((c) => c.state))
  expect(live.counts).toEqual(aligned.counts)
  // Nothing the translator typed was lost.
  const translated = JSON.stringify(docToJSON(target.doc))
  for (const id of ids) expect(translated).toContain(`Provision ${id} applies.`)
  expect(translated.match(/Reworded\./g)).toHaveLength(retyped.length)
}, 60_000)
