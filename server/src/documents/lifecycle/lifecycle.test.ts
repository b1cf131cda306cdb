import { ErrorCode, ROLES, Role } from '@accord/protocol'
import { readSettings } from '@accord/schema'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  type DocumentsHarness,
  documentsHarness,
  outcome,
} from '../../../test/utils/documentsHarness.js'

describe('document lifecycle operations, without HTTP', () => {
  let h: DocumentsHarness
  beforeAll(async () => {
    h = await documentsHarness()
  })
  afterAll(() => h.close())

  it('creating: members and up; observers are refused; audited, with the language written', async () => {
    const results = Object.fromEntries(
      await Promise.all(
        ROLES.map(async (role) => [
          role,
          await outcome(
            h.documents.create(h.people[role], { title: `By ${role}`, language: 'en' }),
          ),
        ]),
      ),
    )
    expect(results).toEqual({
      observer: `forbidden:${ErrorCode.forbidden}`,
      member: 'ok',
      coordinator: 'ok',
      secretariat: 'ok',
    })
    const doc = await h.documents.create(h.people.member, { title: 'Charter', language: 'en' })
    expect(await h.registry.read(doc.id, (live) => readSettings(live.doc).language)).toBe('en')
    const [entry] = await h.auditOf(doc.id)
    expect(entry).toMatchObject({
      action: 'document.created',
      user: { id: h.people.member.id },
      details: { title: 'Charter' },
    })
  })

  it('an unknown document is not_found for every operation that names one', async () => {
    const someone = h.people.secretariat
    const refusals = await Promise.all([
      outcome(h.documents.get(someone, 'nope')),
      outcome(h.documents.update(someone, 'nope', { title: 'x' })),
      outcome(h.documents.listVersions(someone, 'nope')),
      outcome(h.documents.createVersion(someone, 'nope', { name: 'v' })),
      outcome(h.documents.restoreVersion(someone, 'nope', 'v')),
      outcome(h.documents.listSuggestions(someone, 'nope')),
      outcome(h.documents.decideSuggestions(someone, 'nope', { decision: 'accept', all: true })),
      outcome(h.documents.listThreads(someone, 'nope')),
      outcome(h.documents.activity(someone, 'nope', { limit: 10 })),
    ])
    expect(new Set(refusals)).toEqual(new Set([`notFound:${ErrorCode.notFound}`]))
  })

  it('status moves follow canChangeStatus for each role; only changes are audited and announced', async () => {
    const matrix: Record<string, string> = {}
    for (const role of ROLES) {
      for (const [from, to] of [
        ['draft', 'review'],
        ['review', 'draft'],
        ['draft', 'final'],
        ['final', 'draft'],
      ] as const) {
        const doc = await h.documents.create(h.people.secretariat, { title: 't', language: 'ru' })
        if (from !== 'draft')
          await h.documents.update(h.people.secretariat, doc.id, { status: from })
        matrix[`${role} ${from}→${to}`] = await outcome(
          h.documents.update(h.people[role], doc.id, { status: to }),
        )
      }
    }
    const forbidden = `forbidden:${ErrorCode.forbidden}`
    expect(matrix).toEqual({
      'observer draft→review': forbidden,
      'observer review→draft': forbidden,
      'observer draft→final': forbidden,
      'observer final→draft': forbidden,
      'member draft→review': forbidden,
      'member review→draft': forbidden,
      'member draft→final': forbidden,
      'member final→draft': forbidden,
      'coordinator draft→review': 'ok',
      'coordinator review→draft': 'ok',
      'coordinator draft→final': forbidden,
      'coordinator final→draft': forbidden,
      'secretariat draft→review': 'ok',
      'secretariat review→draft': 'ok',
      'secretariat draft→final': 'ok',
      'secretariat final→draft': 'ok',
    })
  })

  it('finalizing announces the status, keeps the text as "Final", audits and publishes the document', async () => {
    const doc = await h.documents.create(h.people.member, { title: 'Charter', language: 'ru' })
    const published = h.published.length
    const updated = await h.documents.update(h.people.secretariat, doc.id, { status: 'final' })
    expect(updated.status).toBe('final')
    expect(h.announced.at(-1)).toEqual({ documentId: doc.id, status: 'final' })
    expect((await h.documents.listVersions(h.people.observer, doc.id)).map((v) => v.name)).toEqual([
      'Final',
    ])
    expect((await h.auditOf(doc.id)).map((e) => [e.action, e.details])).toContainEqual([
      'document.statusChanged',
      { from: 'draft', to: 'final' },
    ])
    const [final] = await h.documents.listVersions(h.people.observer, doc.id)
    expect(h.published.slice(published)).toEqual([
      { documentId: doc.id, event: { type: 'version', version: final } },
      { documentId: doc.id, event: { type: 'document', document: updated } },
    ])
  })

  it('renaming: not by observers, not while final (document_final); audited with both titles', async () => {
    const doc = await h.documents.create(h.people.member, { title: 'Old', language: 'ru' })
    expect(await outcome(h.documents.update(h.people.observer, doc.id, { title: 'New' }))).toBe(
      `forbidden:${ErrorCode.forbidden}`,
    )
    await h.documents.update(h.people.member, doc.id, { title: 'New' })
    const renamed = (await h.auditOf(doc.id)).find((e) => e.action === 'document.renamed')
    expect(renamed?.details).toEqual({ from: 'Old', to: 'New' })
    await h.documents.update(h.people.secretariat, doc.id, { status: 'final' })
    expect(
      await outcome(h.documents.update(h.people.secretariat, doc.id, { title: 'Newer' })),
    ).toBe(`conflict:${ErrorCode.documentFinal}`)
    expect((await h.documents.get(h.people.observer, doc.id)).title).toBe('New')
  })

  it('the installation activity is the secretariat’s only', async () => {
    const results = await Promise.all(
      ROLES.map((role) => outcome(h.documents.installationActivity(h.people[role], { limit: 5 }))),
    )
    expect(results).toEqual([
      `forbidden:${ErrorCode.forbidden}`,
      `forbidden:${ErrorCode.forbidden}`,
      `forbidden:${ErrorCode.forbidden}`,
      'ok',
    ])
    expect(ROLES.at(-1)).toBe(Role.secretariat)
  })
})
