import { ErrorCode, Role } from '@accord/protocol'
import { docToJSON } from '@accord/schema'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  type DocumentsHarness,
  documentsHarness,
  outcome,
} from '../../../test/utils/documentsHarness.js'
import { DomainError } from '../../errors/DomainError.js'

const MARKDOWN = '# Charter\n\n## Article 1. Scope\n\nThis charter applies to the office.\n'
const bytes = (text: string) => new TextEncoder().encode(text)

describe('the import operation, without HTTP', () => {
  let h: DocumentsHarness
  beforeAll(async () => {
    h = await documentsHarness()
  })
  afterAll(() => h.close())

  const count = async () => (await h.documents.list(h.people.secretariat, {})).length

  it('observers are refused; a member imports through the live documents port; audited', async () => {
    const request = { fileName: 'charter.md', bytes: bytes(MARKDOWN), dryRun: false }
    expect(await outcome(h.documents.import(h.people[Role.observer], request))).toBe(
      `forbidden:${ErrorCode.forbidden}`,
    )
    const done = await h.documents.import(h.people.member, request)
    if (!('result' in done)) throw new Error('expected a created document')
    const { document, report } = done.result
    expect(report).toMatchObject({ format: 'md', clauses: 1 })
    const text = await h.registry.read(document.id, (live) => JSON.stringify(docToJSON(live.doc)))
    expect(text).toContain('This charter applies to the office.')
    const [entry] = await h.auditOf(document.id)
    expect(entry).toMatchObject({
      action: 'document.imported',
      user: { id: h.people.member.id },
      details: { fileName: 'charter.md', clauses: 1 },
    })
  })

  it('a preview creates nothing', async () => {
    const before = await count()
    const done = await h.documents.import(h.people.member, {
      fileName: 'charter.md',
      bytes: bytes(MARKDOWN),
      dryRun: true,
    })
    expect('preview' in done && done.preview.report.clauses).toBe(1)
    expect(await count()).toBe(before)
  })

  it('a refused file is unsupported_file with its reason, and creates nothing', async () => {
    const before = await count()
    const refusal = await h.documents
      .import(h.people.member, { fileName: 'draft.docx', bytes: bytes(MARKDOWN), dryRun: false })
      .catch((err: unknown) => err)
    expect(refusal).toBeInstanceOf(DomainError)
    expect(refusal).toMatchObject({
      kind: 'invalid',
      code: ErrorCode.unsupportedFile,
      details: { reason: 'not_what_it_says' },
    })
    expect(await count()).toBe(before)
  })

  it('an account with every import place taken is told to wait', async () => {
    const { id } = h.people.coordinator
    expect(h.ctx.importSlots.take(id) && h.ctx.importSlots.take(id)).toBe(true)
    try {
      expect(
        await outcome(
          h.documents.import(h.people.coordinator, {
            fileName: 'charter.md',
            bytes: bytes(MARKDOWN),
            dryRun: true,
          }),
        ),
      ).toBe(`tooMany:${ErrorCode.tooManyRequests}`)
    } finally {
      h.ctx.importSlots.release(id)
      h.ctx.importSlots.release(id)
    }
  })
})
