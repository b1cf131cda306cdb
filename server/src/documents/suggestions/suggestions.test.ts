import { ErrorCode, ROLES } from '@accord/protocol'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  type DocumentsHarness,
  documentsHarness,
  outcome,
} from '../../../test/utils/documentsHarness.js'
import { editAs, plainText, posOf, twoClauses, writeBody } from '../../../test/utils/editAs.js'

describe('suggestion operations, without HTTP', () => {
  let h: DocumentsHarness
  beforeAll(async () => {
    h = await documentsHarness()
  })
  afterAll(() => h.close())

  /** A document in review with a member's suggested insertion of " all" before " members". */
  const withSuggestion = async () => {
    const doc = await h.documents.create(h.people.member, { title: 'Rules', language: 'en' })
    const { member } = h.people
    await h.registry.read(doc.id, (live) => {
      writeBody(live.doc, twoClauses)
      editAs(live.doc, (tr) => tr.insertText(' all', posOf(tr.doc, ' members')), {
        authorId: member.id,
        authorName: 'member',
      })
    })
    const [suggestion] = await h.documents.listSuggestions(h.people.observer, doc.id)
    return { id: doc.id, suggestionId: suggestion?.id as string }
  }

  it('deciding: coordinators and the secretariat; observers and members are refused', async () => {
    const results: string[] = []
    for (const role of ROLES) {
      const { id, suggestionId } = await withSuggestion()
      results.push(
        await outcome(
          h.documents.decideSuggestions(h.people[role], id, {
            decision: 'accept',
            ids: [suggestionId],
          }),
        ),
      )
    }
    expect(results).toEqual([
      `forbidden:${ErrorCode.forbidden}`,
      `forbidden:${ErrorCode.forbidden}`,
      'ok',
      'ok',
    ])
  })

  it('accepting changes the live text and is audited; the same ids again are suggestion_resolved', async () => {
    const { id, suggestionId } = await withSuggestion()
    const result = await h.documents.decideSuggestions(h.people.coordinator, id, {
      decision: 'accept',
      ids: [suggestionId],
    })
    expect(result).toEqual({ decision: 'accept', resolved: [suggestionId], missing: [] })
    expect(await h.registry.read(id, (live) => plainText(live.doc))).toContain(
      'The rules apply to all members.',
    )
    expect(await h.documents.listSuggestions(h.people.observer, id)).toEqual([])
    const entry = (await h.auditOf(id)).find((e) => e.action === 'suggestion.accepted')
    expect(entry).toMatchObject({
      user: { id: h.people.coordinator.id },
      details: { by: 'ids', suggestions: [{ id: suggestionId, authorId: h.people.member.id }] },
    })
    expect(
      await outcome(
        h.documents.decideSuggestions(h.people.coordinator, id, {
          decision: 'reject',
          ids: [suggestionId],
        }),
      ),
    ).toBe(`conflict:${ErrorCode.suggestionResolved}`)
  })

  it('a final document is document_final for deciding and rolling out, whoever asks', async () => {
    const { id } = await withSuggestion()
    expect(await outcome(h.documents.update(h.people.secretariat, id, { status: 'final' }))).toBe(
      `conflict:${ErrorCode.openItems}`,
    )
    await h.documents.update(h.people.secretariat, id, {
      status: 'final',
      openItems: { decision: 'appendix' },
    })
    expect(await h.documents.listSuggestions(h.people.observer, id)).toEqual([])
    for (const role of ROLES) {
      expect(
        await outcome(
          h.documents.decideSuggestions(h.people[role], id, { decision: 'reject', all: true }),
        ),
      ).toBe(`conflict:${ErrorCode.documentFinal}`)
      expect(
        await outcome(
          h.documents.rollOut(h.people[role], id, { name: 'R', accept: [], reject: [] }),
        ),
      ).toBe(`conflict:${ErrorCode.documentFinal}`)
    }
  })

  it('a rollout rejects what it is told, keeps a named version, and audits the rollout and the version', async () => {
    const { id, suggestionId } = await withSuggestion()
    expect(
      await outcome(
        h.documents.rollOut(h.people.member, id, { name: 'R1', accept: [], reject: [] }),
      ),
    ).toBe(`forbidden:${ErrorCode.forbidden}`)
    const result = await h.documents.rollOut(h.people.coordinator, id, {
      name: 'R1',
      accept: [],
      reject: [suggestionId, 'gone'],
    })
    expect(result).toMatchObject({ rejected: [suggestionId], carriedOver: [], missing: ['gone'] })
    expect(await h.registry.read(id, (live) => plainText(live.doc))).toContain(
      'The rules apply to members.',
    )
    const actions = (await h.auditOf(id)).map((e) => e.action)
    expect(actions.slice(-2)).toEqual(['suggestion.rollout', 'version.created'])
    expect((await h.documents.listVersions(h.people.observer, id)).map((v) => v.name)).toEqual([
      'R1',
    ])
  })
})
