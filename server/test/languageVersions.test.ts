import type {
  AlignmentResponse,
  DocumentInfo,
  ErrorBody,
  LanguagesResponse,
  StructuralChange,
} from '@accord/protocol'
import { docToJSON, readSettings } from '@accord/schema'
import { charterClauses, clause, subclause } from '@accord/test-support'
import type { JSONContent } from '@tiptap/core'
import type { Node as PMNode } from '@tiptap/pm/model'
import { describe, expect, it, vi } from 'vitest'
import { documentWithTranslation, writtenSource } from './utils/documentWithTranslation.js'
import { editAs, plainText, posOf, writeBody } from './utils/editAs.js'
import { useTestServer } from './utils/useTestServer.js'

const t = useTestServer()

const title: JSONContent = {
  type: 'heading',
  attrs: { level: 1 },
  content: [{ type: 'text', text: 'Устав' }],
}

/** The Russian source of the tests: a title and three clauses, one with a sub-clause. */
const charter: JSONContent = {
  type: 'doc',
  content: [
    title,
    ...charterClauses([subclause('terms-a', 'Данные', 'Любые сведения о человеке.')]),
  ],
}

/** The charter written by a coordinator's client, and a translator. */
const sourceDocument = async () => ({
  ...(await writtenSource(t, { source: charter })),
  translator: await t.newUser('member', 'Tanya Translator'),
})

/** The charter, its English version, and a translator. */
const withEnglish = async () => ({
  ...(await documentWithTranslation(t, { source: charter })),
  translator: await t.newUser('member', 'Tanya Translator'),
})

const addLanguage = (sourceId: string, cookie: string, body: Record<string, unknown>) =>
  t.api<{ document: DocumentInfo } & ErrorBody>('POST', `/api/documents/${sourceId}/languages`, {
    cookie,
    body,
  })

const alignment = async (id: string, cookie: string) => {
  const res = await t.api<AlignmentResponse>('GET', `/api/documents/${id}/alignment`, { cookie })
  expect(res.status).toBe(200)
  return res.body
}

const markTranslated = (id: string, clauseId: string, cookie: string) =>
  t.api<ErrorBody>('POST', `/api/documents/${id}/clauses/${clauseId}/translated`, {
    cookie,
    body: {},
  })

/** Inside the first body paragraph of a clause: where a translator types its text. */
const bodyOf = (doc: PMNode, clauseId: string): number => {
  let found = -1
  doc.descendants((node, pos) => {
    if (found >= 0) return false
    if (node.attrs.id !== clauseId) return true
    node.forEach((child, offset) => {
      if (found < 0 && child.type.name === 'paragraph') found = pos + 1 + offset + 1
    })
    return false
  })
  if (found < 0) throw new Error(`no body in clause ${clauseId}`)
  return found
}

const applyChanges = (id: string, cookie: string, body: Record<string, unknown>) =>
  t.api<{ applied: StructuralChange[] } & ErrorBody>(
    'POST',
    `/api/documents/${id}/structure/apply`,
    { cookie, body },
  )

/** Clause ids of a client's body in reading order (clauses and sub-clauses). */
const clauseIds = (json: JSONContent): string[] =>
  (json.content ?? []).flatMap((node) =>
    node.type === 'clause'
      ? [
          node.attrs?.id as string,
          ...(node.content ?? [])
            .filter((c) => c.type === 'subclause')
            .map((c) => c.attrs?.id as string),
        ]
      : [],
  )

describe('adding a language version', () => {
  it('creates a document of its own with the source clause structure and ids, in its language', async () => {
    const { coordinator, sourceId } = await sourceDocument()
    const res = await addLanguage(sourceId, coordinator.cookie, { language: 'en-GB' })
    expect(res.status).toBe(201)
    const translation = res.body.document
    expect(translation).toMatchObject({ language: 'en', sourceDocumentId: sourceId })
    expect(translation.title).toBe('Устав (English)')
    expect(translation.id).not.toBe(sourceId)

    const c = t.client(translation.id, coordinator.cookie)
    await c.synced()
    await vi.waitFor(() => expect(clauseIds(docToJSON(c.doc))).toHaveLength(4))
    expect(clauseIds(docToJSON(c.doc))).toEqual(['scope', 'terms', 'terms-a', 'rights'])
    expect(readSettings(c.doc).language).toBe('en')
    // Bodies start empty: nothing of the source's text is in the translation.
    expect(plainText(c.doc)).not.toMatch(/[А-я]/)

    const source = await t.api<DocumentInfo>('GET', `/api/documents/${sourceId}`, {
      cookie: coordinator.cookie,
    })
    expect(source.body).toMatchObject({ language: 'ru', sourceDocumentId: null })
    const aligned = await alignment(translation.id, coordinator.cookie)
    expect(aligned.counts).toEqual({ upToDate: 0, outdated: 0, untranslated: 4 })
    expect(aligned.pendingChanges).toEqual([])
    expect(aligned.clauses.map((c) => [c.clauseId, c.number])).toEqual([
      ['scope', '1'],
      ['terms', '2'],
      ['terms-a', '2.1'],
      ['rights', '3'],
    ])
  })

  it('pre-fills with the source text, still untranslated, when asked', async () => {
    const { coordinator, sourceId } = await sourceDocument()
    const res = await addLanguage(sourceId, coordinator.cookie, { language: 'kk', fill: 'source' })
    expect(res.status).toBe(201)
    const c = t.client(res.body.document.id, coordinator.cookie)
    await c.synced()
    await vi.waitFor(() => expect(plainText(c.doc)).toContain('Каждый имеет право на доступ.'))
    const aligned = await alignment(res.body.document.id, coordinator.cookie)
    expect(aligned.clauses.every((clause) => clause.state === 'untranslated')).toBe(true)
    expect(aligned.clauses[0]?.targetText).toBe('Сфера\nПравила применяются к членам.')
  })

  it('refuses bad codes, a second version in a language, a translation of a translation, and members', async () => {
    const { coordinator, translator, sourceId } = await sourceDocument()
    const malformed = await addLanguage(sourceId, coordinator.cookie, { language: 'en_GB!' })
    expect(malformed.status).toBe(400)
    expect(malformed.body.error.code).toBe('validation_failed')
    const unknown = await addLanguage(sourceId, coordinator.cookie, { language: 'de' })
    expect(unknown.status).toBe(400)
    expect(unknown.body.error.code).toBe('unsupported_language')
    const missing = await addLanguage(sourceId, coordinator.cookie, {})
    expect(missing.status).toBe(400)
    const asSource = await addLanguage(sourceId, coordinator.cookie, { language: 'ru-RU' })
    expect(asSource.status).toBe(409)
    expect(asSource.body.error.code).toBe('language_exists')
    const member = await addLanguage(sourceId, translator.cookie, { language: 'en' })
    expect(member.status).toBe(403)

    // Two coordinators adding the same language at once get one document between them.
    const [a, b] = await Promise.all([
      addLanguage(sourceId, coordinator.cookie, { language: 'en' }),
      addLanguage(sourceId, await t.adminCookie(), { language: 'EN' }),
    ])
    expect([a.status, b.status].sort()).toEqual([201, 409])
    const created = (a.status === 201 ? a : b).body.document
    const ofTranslation = await addLanguage(created.id, coordinator.cookie, { language: 'hy' })
    expect(ofTranslation.status).toBe(400)
    const nowhere = await addLanguage('no-such-document', coordinator.cookie, { language: 'hy' })
    expect(nowhere.status).toBe(404)

    const languages = await t.api<LanguagesResponse>(
      'GET',
      `/api/documents/${created.id}/languages`,
      { cookie: translator.cookie },
    )
    expect(languages.status).toBe(200)
    expect(languages.body.source.id).toBe(sourceId)
    expect(languages.body.translations).toEqual([
      {
        document: expect.objectContaining({ id: created.id, language: 'en' }),
        counts: { upToDate: 0, outdated: 0, untranslated: 4 },
      },
    ])
  })
})

describe('staleness per clause', () => {
  it('up to date once marked, outdated with the source diff once the source clause changes; audited', async () => {
    const { coordinator, translator, editor, translation: document } = await withEnglish()
    const tr = t.client(document.id, translator.cookie)
    await tr.synced()
    await vi.waitFor(() => expect(clauseIds(docToJSON(tr.doc))).toHaveLength(4))
    editAs(tr.doc, (x) => x.insertText('Personal data is protected.', bodyOf(x.doc, 'terms')))

    expect((await markTranslated(document.id, 'terms', translator.cookie)).status).toBe(200)
    expect((await markTranslated(document.id, 'scope', translator.cookie)).status).toBe(200)
    let aligned = await alignment(document.id, translator.cookie)
    expect(aligned.counts).toEqual({ upToDate: 2, outdated: 0, untranslated: 2 })
    expect(aligned.clauses[1]?.marked?.by.name).toBe('Tanya Translator')

    editAs(editor.doc, (x) => x.insertText('всегда ', posOf(x.doc, 'защищаются')))
    await vi.waitFor(async () => {
      aligned = await alignment(document.id, translator.cookie)
      expect(aligned.clauses[1]?.state).toBe('outdated')
    })
    expect(aligned.counts).toEqual({ upToDate: 1, outdated: 1, untranslated: 2 })
    expect(aligned.clauses[1]?.sourceDiff?.filter((c) => c.type !== 'equal')).toEqual([
      { type: 'insert', text: 'всегда ' },
    ])

    expect((await markTranslated(document.id, 'terms', translator.cookie)).status).toBe(200)
    aligned = await alignment(document.id, translator.cookie)
    expect(aligned.clauses[1]?.state).toBe('upToDate')

    const activity = await t.api<{ entries: { action: string; details: { clauseId?: string } }[] }>(
      'GET',
      `/api/documents/${document.id}/activity`,
      { cookie: coordinator.cookie },
    )
    const marks = activity.body.entries.filter((e) => e.action === 'translation.clauseMarked')
    expect(marks.map((e) => e.details.clauseId)).toEqual(['terms', 'scope', 'terms'])
  })

  it('refuses marking a clause of the wrong document, an unknown clause, and observers', async () => {
    const { coordinator, sourceId, editor, translation: document } = await withEnglish()
    const observer = await t.newUser('observer')
    const onSource = await markTranslated(sourceId, 'scope', coordinator.cookie)
    expect(onSource.status).toBe(409)
    expect(onSource.body.error.code).toBe('not_a_translation')
    const unknown = await markTranslated(document.id, 'no-such-clause', coordinator.cookie)
    expect(unknown.status).toBe(404)
    const badId = await markTranslated(document.id, '../etc', coordinator.cookie)
    expect(badId.status).toBe(404)
    expect((await markTranslated(document.id, 'scope', observer.cookie)).status).toBe(403)
    const unknownDoc = await t.api('GET', '/api/documents/nothing-here/alignment', {
      cookie: coordinator.cookie,
    })
    expect(unknownDoc.status).toBe(404)

    // A clause the source added is not in the translation until the change is applied.
    editAs(editor.doc, (x) => {
      x.insert(x.doc.content.size, x.doc.type.schema.nodeFromJSON(clause('new', 'Новая', 'Текст.')))
    })
    await vi.waitFor(async () =>
      expect((await alignment(document.id, coordinator.cookie)).pendingChanges).toHaveLength(1),
    )
    const pendingAdd = await markTranslated(document.id, 'new', coordinator.cookie)
    expect(pendingAdd.status).toBe(409)
    expect(pendingAdd.body.error.code).toBe('clause_not_in_translation')
    const aligned = await alignment(document.id, coordinator.cookie)
    expect(aligned.clauses.at(-1)).toMatchObject({ clauseId: 'new', targetText: null })
  })
})

describe('structural changes of the source', () => {
  it('appear as pending changes and are applied only on request, the order coming out as the source', async () => {
    const { translator, editor, translation: document } = await withEnglish()
    const tr = t.client(document.id, translator.cookie)
    await tr.synced()
    await vi.waitFor(() => expect(clauseIds(docToJSON(tr.doc))).toHaveLength(4))
    editAs(tr.doc, (x) => x.insertText('Everyone may see.', bodyOf(x.doc, 'rights')))

    // The source: "rights" moves first, "scope" goes, a clause is added after "terms".
    writeBody(editor.doc, {
      type: 'doc',
      content: [
        title,
        clause('rights', 'Права', 'Каждый имеет право на доступ.'),
        clause('terms', 'Термины', 'Персональные данные защищаются.', [
          subclause('terms-a', 'Данные', 'Любые сведения о человеке.'),
        ]),
        clause('duties', 'Обязанности', 'Каждый соблюдает правила.'),
      ],
    })
    let pending: StructuralChange[] = []
    await vi.waitFor(async () => {
      pending = (await alignment(document.id, translator.cookie)).pendingChanges
      expect(pending.map((c) => c.id).sort()).toEqual(['add:duties', 'delete:scope', 'move:rights'])
    })
    // Nothing was applied by itself.
    expect(clauseIds(docToJSON(tr.doc))).toEqual(['scope', 'terms', 'terms-a', 'rights'])

    const added = await applyChanges(document.id, translator.cookie, { ids: ['add:duties'] })
    expect(added.status).toBe(200)
    expect(added.body.applied.map((c) => c.id)).toEqual(['add:duties'])
    await vi.waitFor(() =>
      // After the clause before it in the source, wherever the others stand now.
      expect(clauseIds(docToJSON(tr.doc))).toEqual([
        'scope',
        'terms',
        'terms-a',
        'duties',
        'rights',
      ]),
    )
    const rest = await applyChanges(document.id, translator.cookie, { all: true })
    expect(rest.body.applied.map((c) => c.id).sort()).toEqual(['delete:scope', 'move:rights'])
    await vi.waitFor(() =>
      expect(clauseIds(docToJSON(tr.doc))).toEqual(['rights', 'terms', 'terms-a', 'duties']),
    )
    // The moved clause kept the translator's text.
    expect(plainText(tr.doc)).toContain('Everyone may see.')
    expect((await alignment(document.id, translator.cookie)).pendingChanges).toEqual([])
  })

  it('two people applying the same change at once: it is applied once, the second told so', async () => {
    const { coordinator, translator, editor, translation: document } = await withEnglish()
    editAs(editor.doc, (x) => {
      x.insert(x.doc.content.size, x.doc.type.schema.nodeFromJSON(clause('new', 'Новая', 'Текст.')))
    })
    await vi.waitFor(async () =>
      expect((await alignment(document.id, coordinator.cookie)).pendingChanges).toHaveLength(1),
    )
    const [a, b] = await Promise.all([
      applyChanges(document.id, translator.cookie, { ids: ['add:new'] }),
      applyChanges(document.id, coordinator.cookie, { ids: ['add:new'] }),
    ])
    expect([a.status, b.status].sort()).toEqual([200, 409])
    expect((a.status === 409 ? a : b).body.error.code).toBe('change_not_pending')
    const [c, d] = await Promise.all([
      applyChanges(document.id, translator.cookie, { all: true }),
      applyChanges(document.id, coordinator.cookie, { all: true }),
    ])
    expect([c.body.applied, d.body.applied]).toEqual([[], []])
    const one = t.client(document.id, translator.cookie)
    const two = t.client(document.id, coordinator.cookie)
    await Promise.all([one.synced(), two.synced()])
    await vi.waitFor(() => expect(clauseIds(docToJSON(one.doc))).toContain('new'))
    expect(clauseIds(docToJSON(one.doc)).filter((id) => id === 'new')).toHaveLength(1)
    await vi.waitFor(() => expect(docToJSON(two.doc)).toEqual(docToJSON(one.doc)))
  })

  it('refuses bad requests, observers and unknown changes, applying nothing', async () => {
    const { coordinator, sourceId, translation: document } = await withEnglish()
    const observer = await t.newUser('observer')
    expect((await applyChanges(document.id, coordinator.cookie, {})).status).toBe(400)
    expect(
      (await applyChanges(document.id, coordinator.cookie, { ids: ['rename:x'] })).status,
    ).toBe(400)
    expect((await applyChanges(document.id, observer.cookie, { all: true })).status).toBe(403)
    expect((await applyChanges(sourceId, coordinator.cookie, { all: true })).status).toBe(409)
    const stale = await applyChanges(document.id, coordinator.cookie, { ids: ['add:scope'] })
    expect(stale.status).toBe(409)
    expect(stale.body.error.code).toBe('change_not_pending')
  })
})

describe('versions across languages', () => {
  it('naming a version of the source names the same version of every translation; each compares on its own', async () => {
    const { coordinator, sourceId } = await sourceDocument()
    const en = (await addLanguage(sourceId, coordinator.cookie, { language: 'en', fill: 'source' }))
      .body.document
    const kk = (await addLanguage(sourceId, coordinator.cookie, { language: 'kk' })).body.document
    const res = await t.api<{
      id: string
      translations: {
        documentId: string
        language: string
        version: { id: string; name: string }
      }[]
    }>('POST', `/api/documents/${sourceId}/versions`, {
      cookie: coordinator.cookie,
      body: { name: 'Draft 2', translations: true },
    })
    expect(res.status).toBe(201)
    expect(res.body.translations.map((v) => [v.documentId, v.language, v.version.name])).toEqual([
      [en.id, 'en', 'Draft 2'],
      [kk.id, 'kk', 'Draft 2'],
    ])
    const listed = await t.api<{ versions: { name: string }[] }>(
      'GET',
      `/api/documents/${en.id}/versions`,
      { cookie: coordinator.cookie },
    )
    expect(listed.body.versions.map((v) => v.name)).toContain('Draft 2')
    const versionId = res.body.translations[0]?.version.id as string
    const diff = await t.api<{ summary: Record<string, number> }>(
      'GET',
      `/api/documents/${en.id}/diff?from=${versionId}&to=current`,
      { cookie: coordinator.cookie },
    )
    expect(diff.status).toBe(200)
    expect(diff.body.summary.unchanged).toBe(4)
    // Without the flag, only the source is named.
    const alone = await t.api<Record<string, unknown>>(
      'POST',
      `/api/documents/${sourceId}/versions`,
      {
        cookie: coordinator.cookie,
        body: { name: 'Draft 3' },
      },
    )
    expect(alone.body.translations).toBeUndefined()
  })
})
