import type { AlignmentResponse, ErrorBody, GlossaryEntry } from '@accord/protocol'
import { checkWellFormed, clause } from '@accord/test-support'
import { describe, expect, it, vi } from 'vitest'
import { documentWithTranslation } from './utils/documentWithTranslation.js'
import { editAs, writeBody } from './utils/editAs.js'
import { newTestServer } from './utils/newTestServer.js'
import { useTestServer } from './utils/useTestServer.js'

const t = useTestServer()

const PD = {
  terms: { ru: 'персональные данные', en: 'personal data' },
  forbidden: { en: ['private info'] },
  note: 'GDPR Art. 4(1)',
}

/** A TBX file of `n` entries, as another tool would write it (TBX 2008, martif). */
const martif = (n: number) =>
  `<?xml version="1.0"?><martif type="TBX" xml:lang="en"><text><body>${Array.from(
    { length: n },
    (_, i) =>
      `<termEntry id="t${i}"><langSet xml:lang="ru"><tig><term>термин ${i}</term></tig></langSet><langSet xml:lang="en-GB"><tig><term>term ${i}</term></tig><tig><term>old term ${i}</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig></langSet></termEntry>`,
  ).join('')}</body></text></martif>`

describe('the glossary', () => {
  it('flags a translation that lacks the preferred term or uses a forbidden one, matching word forms', async () => {
    const coordinator = await t.newUser('coordinator')
    const member = await t.newUser('member')
    const refused = await t.api('POST', '/api/glossary', { cookie: member.cookie, body: PD })
    expect(refused.status).toBe(403)
    const added = await t.api<{ entry: GlossaryEntry }>('POST', '/api/glossary', {
      cookie: coordinator.cookie,
      body: PD,
    })
    expect(added.status).toBe(201)

    const { translation: document } = await documentWithTranslation(t, {
      source: {
        type: 'doc',
        content: [clause('pd', 'Данные', 'Обработка персональных данных допускается с согласия.')],
      },
      coordinator,
      title: 'Закон',
    })
    const tr = t.client(document.id, member.cookie)
    await tr.synced()
    await vi.waitFor(() => expect(tr.fragment.length).toBe(1))
    writeBody(tr.doc, {
      type: 'doc',
      content: [clause('pd', 'Data', 'Processing of private info requires consent.')],
    })
    const terminology = async () =>
      (
        await t.api<AlignmentResponse>('GET', `/api/documents/${document.id}/alignment`, {
          cookie: member.cookie,
        })
      ).body.clauses[0]?.terminology
    await vi.waitFor(async () =>
      expect((await terminology())?.issues.map((i) => i.kind)).toEqual(['missing', 'forbidden']),
    )
    expect((await terminology())?.found).toEqual([added.body.entry.id])

    editAs(tr.doc, (x) => {
      let at = -1
      x.doc.descendants((node, pos) => {
        if (at < 0 && node.isText && node.text?.includes('private info'))
          at = pos + (node.text?.indexOf('private info') ?? 0)
      })
      x.insertText('personal data', at, at + 'private info'.length)
    })
    await vi.waitFor(async () => expect((await terminology())?.issues).toEqual([]))
  })

  it('exports TBX and CSV that import back to the same entries; edits and deletes are the coordinators’', async () => {
    const coordinator = await t.newUser('coordinator')
    const observer = await t.newUser('observer')
    const { entry } = (
      await t.api<{ entry: GlossaryEntry }>('POST', '/api/glossary', {
        cookie: coordinator.cookie,
        body: PD,
      })
    ).body
    const download = async (format: string) => {
      const res = await fetch(`${t.url}/api/glossary/export?format=${format}`, {
        headers: { cookie: observer.cookie },
      })
      expect(res.status).toBe(200)
      return res.text()
    }
    const tbx = await download('tbx')
    checkWellFormed(tbx)
    expect(tbx).toContain('<tbx type="TBX-Basic"')
    expect(tbx).toContain('deprecatedTerm-admn-sts')
    const csv = await download('csv')
    expect(csv.split('\n')[0]).toBe(
      'ru,en,kk,ky,hy,az,uz,tg,be,forbidden:ru,forbidden:en,forbidden:kk,forbidden:ky,forbidden:hy,forbidden:az,forbidden:uz,forbidden:tg,forbidden:be,note',
    )
    for (const [format, content] of [
      ['tbx', tbx],
      ['csv', csv],
    ] as const) {
      const res = await t.api<{ added: number; entries: GlossaryEntry[] }>(
        'POST',
        '/api/glossary/import',
        { cookie: coordinator.cookie, body: { format, content } },
      )
      expect(res.status).toBe(201)
      expect(
        res.body.entries.map(({ terms, forbidden, note }) => ({ terms, forbidden, note })),
      ).toEqual([PD])
    }
    const other = await t.api<{ added: number }>('POST', '/api/glossary/import', {
      cookie: coordinator.cookie,
      body: { format: 'tbx', content: martif(3) },
    })
    expect(other.body.added).toBe(3)

    const edited = await t.api<{ entry: GlossaryEntry }>('PATCH', `/api/glossary/${entry.id}`, {
      cookie: coordinator.cookie,
      body: { ...PD, terms: { ...PD.terms, kk: 'дербес деректер' } },
    })
    expect(edited.body.entry.terms.kk).toBe('дербес деректер')
    expect(
      (await t.api('PATCH', `/api/glossary/${entry.id}`, { cookie: observer.cookie, body: PD }))
        .status,
    ).toBe(403)
    expect(
      (await t.api('DELETE', `/api/glossary/${entry.id}`, { cookie: coordinator.cookie })).status,
    ).toBe(204)
    expect(
      (await t.api('DELETE', `/api/glossary/${entry.id}`, { cookie: coordinator.cookie })).status,
    ).toBe(404)
    const list = await t.api<{ entries: GlossaryEntry[] }>('GET', '/api/glossary', {
      cookie: observer.cookie,
    })
    expect(list.body.entries).toHaveLength(5)
  })

  it('refuses files that are not TBX or the glossary CSV, entities, and empty terms; adds nothing', async () => {
    const coordinator = await t.newUser('coordinator')
    const bad = async (format: string, content: string) => {
      const res = await t.api<ErrorBody>('POST', '/api/glossary/import', {
        cookie: coordinator.cookie,
        body: { format, content },
      })
      return [res.status, res.body.error?.code]
    }
    expect(await bad('tbx', 'ru,en\nданные,data')).toEqual([400, 'invalid_glossary'])
    expect(await bad('tbx', '<html><body>hello</body></html>')).toEqual([400, 'invalid_glossary'])
    expect(await bad('tbx', '<tbx><text><body><conceptEntry>')).toEqual([400, 'invalid_glossary'])
    expect(
      await bad(
        'tbx',
        '<?xml version="1.0"?><!DOCTYPE tbx [<!ENTITY x SYSTEM "file:///etc/passwd">]><tbx><text><body><conceptEntry><langSec xml:lang="en"><termSec><term>&x;</term></termSec></langSec></conceptEntry></body></text></tbx>',
      ),
    ).toEqual([400, 'invalid_glossary'])
    expect(await bad('csv', 'term,translation\nданные,data')).toEqual([400, 'invalid_glossary'])
    expect(await bad('csv', 'ru,"en\nданные')).toEqual([400, 'invalid_glossary'])
    expect(await bad('xlsx', 'x')).toEqual([400, 'validation_failed'])
    const empty = await t.api<ErrorBody>('POST', '/api/glossary', {
      cookie: coordinator.cookie,
      body: { terms: { ru: '  ' } },
    })
    expect(empty.status).toBe(400)
    const list = await t.api<{ entries: GlossaryEntry[] }>('GET', '/api/glossary', {
      cookie: coordinator.cookie,
    })
    expect(list.body.entries).toEqual([])
  })

  it('refuses a TBX of 20,000 entries with 413 and adds none of them', async () => {
    const coordinator = await t.newUser('coordinator')
    const huge = await t.api<ErrorBody>('POST', '/api/glossary/import', {
      cookie: coordinator.cookie,
      body: { format: 'tbx', content: martif(20_000) },
    })
    expect(huge.status).toBe(413)
    // With a body limit that lets the file in, the glossary's own limit answers.
    const roomy = await newTestServer({ MAX_BODY_BYTES: String(16 * 1024 * 1024) })
    try {
      const cookie = await roomy.adminCookie()
      const res = await roomy.api<ErrorBody>('POST', '/api/glossary/import', {
        cookie,
        body: { format: 'tbx', content: martif(20_000) },
      })
      expect([res.status, res.body.error.code]).toEqual([413, 'too_large'])
      const list = await roomy.api<{ entries: unknown[] }>('GET', '/api/glossary', { cookie })
      expect(list.body.entries).toEqual([])
    } finally {
      await roomy.close()
    }
    const list = await t.api<{ entries: unknown[] }>('GET', '/api/glossary', {
      cookie: coordinator.cookie,
    })
    expect(list.body.entries).toEqual([])
  }, 60_000)
})
