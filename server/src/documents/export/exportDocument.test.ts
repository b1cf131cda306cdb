import { ErrorCode, ROLES } from '@accord/protocol'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  type DocumentsHarness,
  documentsHarness,
  outcome,
} from '../../../test/utils/documentsHarness.js'
import { twoClauses, writeBody } from '../../../test/utils/editAs.js'

describe('the export operation, without HTTP', () => {
  let h: DocumentsHarness
  beforeAll(async () => {
    h = await documentsHarness()
  })
  afterAll(() => h.close())

  it('every role exports the live text; each export is audited with what was asked', async () => {
    const doc = await h.documents.create(h.people.member, { title: 'Rules', language: 'en' })
    await h.registry.read(doc.id, (live) => writeBody(live.doc, twoClauses))
    for (const role of ROLES) {
      const file = await h.documents.export(h.people[role], doc.id, {
        format: 'md',
        suggestions: 'clean',
      })
      expect(Buffer.from(file.bytes).toString('utf8')).toContain('Words mean what they say.')
    }
    const exported = (await h.auditOf(doc.id)).filter((e) => e.action === 'document.exported')
    expect(exported.map((e) => e.user?.id)).toEqual(ROLES.map((role) => h.people[role].id))
    expect(exported[0]?.details).toEqual({
      format: 'md',
      versionId: null,
      comments: false,
      suggestions: 'clean',
    })
  })

  it('an unknown version is not_found and is not audited', async () => {
    const doc = await h.documents.create(h.people.member, { title: 'Rules', language: 'en' })
    expect(
      await outcome(
        h.documents.export(h.people.observer, doc.id, {
          format: 'md',
          suggestions: 'clean',
          versionId: 'nope',
        }),
      ),
    ).toBe(`notFound:${ErrorCode.notFound}`)
    expect((await h.auditOf(doc.id)).map((e) => e.action)).toEqual(['document.created'])
  })
})
