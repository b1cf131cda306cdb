import { ErrorCode, ROLES } from '@accord/protocol'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  type DocumentsHarness,
  documentsHarness,
  outcome,
} from '../../../test/utils/documentsHarness.js'
import { plainText, twoClauses, writeBody } from '../../../test/utils/editAs.js'

describe('version operations, without HTTP', () => {
  let h: DocumentsHarness
  beforeAll(async () => {
    h = await documentsHarness()
  })
  afterAll(() => h.close())

  const documentWithText = async () => {
    const doc = await h.documents.create(h.people.member, { title: 'Rules', language: 'en' })
    await h.registry.read(doc.id, (live) => writeBody(live.doc, twoClauses))
    return doc.id
  }

  it('naming a version: coordinators and the secretariat; audited; everyone lists and reads it', async () => {
    const id = await documentWithText()
    const results = await Promise.all(
      ROLES.map((role) => outcome(h.documents.createVersion(h.people[role], id, { name: role }))),
    )
    expect(results).toEqual([
      `forbidden:${ErrorCode.forbidden}`,
      `forbidden:${ErrorCode.forbidden}`,
      'ok',
      'ok',
    ])
    const listed = await h.documents.listVersions(h.people.observer, id)
    expect(listed.map((v) => v.name).sort()).toEqual(['coordinator', 'secretariat'])
    const created = (await h.auditOf(id)).filter((e) => e.action === 'version.created')
    expect(created.map((e) => e.user?.id).sort()).toEqual(
      [h.people.coordinator.id, h.people.secretariat.id].sort(),
    )
    const read = await h.documents.getVersion(h.people.observer, id, listed[0]?.id as string)
    expect(read.settings.language).toBe('en')
    expect(JSON.stringify(read.content)).toContain('Words mean what they say.')
    expect(await outcome(h.documents.getVersion(h.people.observer, id, 'nope'))).toBe(
      `notFound:${ErrorCode.notFound}`,
    )
  })

  it('restoring: coordinators and up, never on a final document; keeps "before", audits, changes the live text', async () => {
    const id = await documentWithText()
    const version = await h.documents.createVersion(h.people.coordinator, id, { name: 'v1' })
    await h.registry.read(id, (live) =>
      writeBody(live.doc, {
        type: 'doc',
        content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Rewritten.' }] }],
      }),
    )
    for (const role of ['observer', 'member'] as const) {
      expect(await outcome(h.documents.restoreVersion(h.people[role], id, version.id))).toBe(
        `forbidden:${ErrorCode.forbidden}`,
      )
    }
    const { restored, savedAs } = await h.documents.restoreVersion(
      h.people.coordinator,
      id,
      version.id,
    )
    expect(restored.id).toBe(version.id)
    expect(savedAs.name).toBe('Before restore of “v1”')
    // Named by its origin, so every client can name it in its own language.
    expect(savedAs).toMatchObject({
      origin: 'beforeRestore',
      originOf: { id: version.id, name: 'v1', kind: 'named', createdAt: version.createdAt },
    })
    expect(await h.registry.read(id, (live) => plainText(live.doc))).toContain(
      'Words mean what they say.',
    )
    const entry = (await h.auditOf(id)).find((e) => e.action === 'version.restored')
    expect(entry?.details).toEqual({ versionId: version.id, savedAs: savedAs.id })

    await h.documents.update(h.people.secretariat, id, { status: 'final' })
    const final = (await h.documents.listVersions(h.people.observer, id))[0]
    expect(final).toMatchObject({ name: 'Final', origin: 'final', originOf: null })
    expect(await outcome(h.documents.restoreVersion(h.people.secretariat, id, version.id))).toBe(
      `conflict:${ErrorCode.documentFinal}`,
    )
  })

  it('the diff compares a version with the live text, clause by clause', async () => {
    const id = await documentWithText()
    const version = await h.documents.createVersion(h.people.coordinator, id, { name: 'v1' })
    const diff = await h.documents.diff(h.people.observer, id, { from: version.id, to: 'current' })
    expect(diff.from).toBe(version.id)
    expect(diff.to).toBe('current')
    expect(
      await outcome(h.documents.diff(h.people.observer, id, { from: 'nope', to: 'current' })),
    ).toBe(`notFound:${ErrorCode.notFound}`)
  })
})
