import { type Compilation, ErrorCode, ROLES } from '@accord/protocol'
import {
  convertFileWithLibreOffice,
  skipWithoutLibreOffice,
  skipWithoutLibreOfficeCalc,
} from '@accord/test-support'
import ExcelJS, { type CellRichTextValue } from 'exceljs'
import { strFromU8, unzipSync } from 'fflate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  type DocumentsHarness,
  documentsHarness,
  outcome,
} from '../../../test/utils/documentsHarness.js'
import { editAs, posOf, twoClauses, writeBody } from '../../../test/utils/editAs.js'
import { clauseAnchor } from './clauseAnchor.js'

/** LibreOffice opens a file and saves it as `to` (txt, csv); the text it read. */
const officeReads = async (name: string, bytes: Uint8Array, to: string): Promise<string> =>
  new TextDecoder().decode(await convertFileWithLibreOffice(name, bytes, to))

/** The text of a DOCX's body, cell by cell (each paragraph's runs joined, paragraphs by '|'). */
const docxCells = (bytes: Uint8Array): string[] => {
  const xml = strFromU8(unzipSync(bytes)['word/document.xml'] as Uint8Array)
  return [...xml.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((cell) =>
    [...(cell[1] ?? '').matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
      .map((t) => t[1] ?? '')
      .join('')
      .replaceAll('&amp;', '&')
      .replaceAll('&lt;', '<')
      .replaceAll('&gt;', '>')
      .replaceAll('&quot;', '"'),
  )
}

/** RFC 4180 read back: quoted fields with doubled quotes, commas and line breaks inside. */
const parseCsv = (text: string): string[][] => {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (c === '"') quoted = false
      else field += c
    } else if (c === '"') quoted = true
    else if (c === ',') {
      row.push(field)
      field = ''
    } else if (c === '\n' || (c === '\r' && text[i + 1] === '\n')) {
      // Rows end in CRLF (ours) or LF (LibreOffice's); line breaks inside fields are quoted.
      row.push(field)
      rows.push(row)
      row = []
      field = ''
      if (c === '\r') i++
    } else field += c
  }
  return rows
}

describe('comment disposition and the compilation of comments, without HTTP', () => {
  let h: DocumentsHarness
  beforeAll(async () => {
    h = await documentsHarness()
    await h.ctx.users.update(h.people.member.id, { organization: 'Город Казань' })
    await h.ctx.users.update(h.people.observer.id, { organization: 'Ombudsman, "North"' })
  })
  afterAll(() => h.close())

  /** Two clauses; a member's suggestion in the first; threads on each clause and a general one. */
  const reviewed = async () => {
    const doc = await h.documents.create(h.people.member, { title: 'Rules', language: 'en' })
    const { member, observer, coordinator } = h.people
    const anchors = await h.registry.read(doc.id, (live) => {
      writeBody(live.doc, twoClauses)
      editAs(live.doc, (tr) => tr.insertText(' all', posOf(tr.doc, ' members')), {
        authorId: member.id,
        authorName: 'member',
      })
      return {
        terms: clauseAnchor(live.doc, 'terms'),
        scope: clauseAnchor(live.doc, 'scope'),
        general: clauseAnchor(live.doc, null),
      }
    })
    const terms = await h.documents.createThread(observer, doc.id, {
      body: 'Define "members", please, = all of them',
      quote: 'Terms',
      anchor: anchors.terms?.anchor as { start: string; end: string },
      clauseId: 'terms',
      type: 'technical',
      proposedChange: 'Members are, in this text:\nthe cities',
    })
    const scope = await h.documents.createThread(member, doc.id, {
      body: 'Typo',
      quote: 'Scope',
      anchor: anchors.scope?.anchor as { start: string; end: string },
      clauseId: 'scope',
      type: 'editorial',
    })
    const general = await h.documents.createThread(coordinator, doc.id, {
      body: 'The whole text is too long',
      quote: 'Scope',
      anchor: anchors.general?.anchor as { start: string; end: string },
    })
    const [suggestion] = await h.documents.listSuggestions(observer, doc.id)
    return { id: doc.id, terms, scope, general, suggestionId: suggestion?.id as string }
  }

  it('a comment carries its type and proposed change; blank proposed change is none', async () => {
    const { terms, scope, general } = await reviewed()
    expect(terms).toMatchObject({
      type: 'technical',
      proposedChange: 'Members are, in this text:\nthe cities',
      disposition: null,
      submittedBy: null,
    })
    expect(scope).toMatchObject({ type: 'editorial', proposedChange: null })
    expect(general).toMatchObject({ type: 'general', proposedChange: null })
  })

  it('decisions: coordinators and the secretariat only; audited, published, withdrawable', async () => {
    const { id, terms } = await reviewed()
    const decide = (role: (typeof ROLES)[number]) =>
      outcome(
        h.documents.updateThread(h.people[role], id, terms.id, {
          disposition: { decision: 'acceptedInPrinciple', reason: 'Defined in clause 1 instead' },
        }),
      )
    const results = []
    for (const role of ROLES) results.push(await decide(role))
    expect(results).toEqual([
      `forbidden:${ErrorCode.forbidden}`,
      `forbidden:${ErrorCode.forbidden}`,
      'ok',
      'ok',
    ])
    const [thread] = (await h.documents.listThreads(h.people.observer, id)).filter(
      (t) => t.id === terms.id,
    )
    expect(thread?.disposition).toMatchObject({
      decision: 'acceptedInPrinciple',
      reason: 'Defined in clause 1 instead',
      decidedBy: { id: h.people.secretariat.id, name: 'secretariat' },
    })
    const audited = (await h.auditOf(id)).filter((e) => e.action === 'comment.decided')
    expect(audited.map((e) => e.user?.id)).toEqual([
      h.people.coordinator.id,
      h.people.secretariat.id,
    ])
    expect(audited[0]?.details).toMatchObject({
      threadId: terms.id,
      decision: 'acceptedInPrinciple',
    })
    const last = h.published.at(-1)
    expect(last?.event).toMatchObject({ type: 'thread', thread: { id: terms.id } })

    // The author may retype their own comment; a member may not decide along the way.
    expect(
      await outcome(
        h.documents.updateThread(h.people.observer, id, terms.id, {
          type: 'editorial',
          disposition: { decision: 'accepted', reason: '' },
        }),
      ),
    ).toBe(`forbidden:${ErrorCode.forbidden}`)
    const retyped = await h.documents.updateThread(h.people.observer, id, terms.id, {
      type: 'editorial',
    })
    expect(retyped).toMatchObject({
      type: 'editorial',
      disposition: { decision: 'acceptedInPrinciple' },
    })
    const withdrawn = await h.documents.updateThread(h.people.coordinator, id, terms.id, {
      disposition: null,
    })
    expect(withdrawn.disposition).toBeNull()
  })

  it('a decision on a suggestion is kept with what it was after the suggestion leaves the text', async () => {
    const { id, suggestionId } = await reviewed()
    expect(
      await outcome(
        h.documents.setSuggestionDisposition(h.people.member, id, suggestionId, {
          disposition: { decision: 'accepted', reason: '' },
        }),
      ),
    ).toBe(`forbidden:${ErrorCode.forbidden}`)
    expect(
      await outcome(
        h.documents.setSuggestionDisposition(h.people.coordinator, id, 'nope', {
          disposition: { decision: 'accepted', reason: '' },
        }),
      ),
    ).toBe(`notFound:${ErrorCode.notFound}`)
    const recorded = await h.documents.setSuggestionDisposition(
      h.people.coordinator,
      id,
      suggestionId,
      { disposition: { decision: 'accepted', reason: 'Clearer' } },
    )
    expect(recorded).toMatchObject({
      decision: 'accepted',
      reason: 'Clearer',
      suggestion: { inserted: ' all', clauseId: 'scope', authorName: 'member' },
    })
    await h.documents.decideSuggestions(h.people.coordinator, id, {
      decision: 'accept',
      ids: [suggestionId],
    })
    expect(await h.documents.listSuggestions(h.people.observer, id)).toEqual([])
    const answer = await h.documents.exportCompilation(h.people.observer, id, { format: 'json' })
    const compilation = (answer as { compilation: Compilation }).compilation
    expect(compilation.rows.filter((r) => r.source === 'suggestion')).toEqual([
      expect.objectContaining({
        id: suggestionId,
        clauseNumber: '1',
        author: 'member',
        organization: 'Город Казань',
        proposedChange: ' all',
        decision: 'accepted',
        reason: 'Clearer',
      }),
    ])
    expect((await h.auditOf(id)).some((e) => e.action === 'suggestion.decided')).toBe(true)
  })

  it('the compilation lists general comments first, then clause by clause, with a summary', async () => {
    const { id, terms, scope, general, suggestionId } = await reviewed()
    await h.documents.updateThread(h.people.coordinator, id, scope.id, {
      disposition: { decision: 'rejected', reason: 'Not a typo' },
    })
    const answer = await h.documents.exportCompilation(h.people.observer, id, { format: 'json' })
    const { rows, summary } = (answer as { compilation: Compilation }).compilation
    expect(rows.map((r) => [r.id, r.clauseNumber])).toEqual([
      [general.id, null],
      [scope.id, '1'],
      [suggestionId, '1'],
      [terms.id, '2'],
    ])
    expect(rows[3]).toMatchObject({
      author: 'observer',
      organization: 'Ombudsman, "North"',
      type: 'technical',
      comment: 'Define "members", please, = all of them',
      proposedChange: 'Members are, in this text:\nthe cities',
      decision: null,
    })
    expect(summary).toEqual([
      expect.objectContaining({ clauseId: null, total: 1, undecided: 1 }),
      expect.objectContaining({
        clauseId: 'scope',
        clauseNumber: '1',
        total: 2,
        undecided: 1,
        decisions: { accepted: 0, acceptedInPrinciple: 0, rejected: 1, noted: 0 },
      }),
      expect.objectContaining({ clauseId: 'terms', total: 1, undecided: 1 }),
    ])
  })

  /** The first six cells of the observer's decided row in the compilation, in every format. */
  const DECIDED_TERMS_ROW = [
    'Ombudsman, "North"',
    'observer',
    '2',
    'Terms',
    'te',
    'Define "members", please, = all of them',
  ]

  /** The decided compilation of a reviewed document as every file format. */
  const files = async () => {
    const { id, terms } = await reviewed()
    await h.documents.updateThread(h.people.coordinator, id, terms.id, {
      disposition: { decision: 'noted', reason: '=SUM(A1) "quoted", and\nsecond line' },
    })
    const file = async (format: 'docx' | 'xlsx' | 'csv') => {
      const answer = await h.documents.exportCompilation(h.people.observer, id, { format })
      if (answer.kind !== 'file') throw new Error('not a file')
      return answer
    }
    return { id, docx: await file('docx'), xlsx: await file('xlsx'), csv: await file('csv') }
  }

  it('CSV: every field quoted, quotes doubled, formulas defused, read back whole', async () => {
    const { csv } = await files()
    expect(csv.contentType).toBe('text/csv; charset=utf-8')
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(csv.bytes)
    expect(text.startsWith('\uFEFF')).toBe(true)
    const rows = parseCsv(text.slice(1))
    expect(rows[0]).toEqual([
      'MB/Organization',
      'Author',
      'Clause/Subclause',
      'Paragraph/Figure/Table',
      'Type of comment',
      'Comments',
      'Proposed change',
      'Decision',
      'Observations of the secretariat',
    ])
    expect(rows).toHaveLength(5)
    expect(rows[4]).toEqual([
      ...DECIDED_TERMS_ROW,
      'Members are, in this text:\nthe cities',
      'Noted',
      `'=SUM(A1) "quoted", and\nsecond line`,
    ])
  })

  it('XLSX: one sheet read back cell by cell; strings stay strings', async () => {
    const { xlsx } = await files()
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(Buffer.from(xlsx.bytes) as unknown as ArrayBuffer)
    const sheet = workbook.worksheets[0]
    expect(sheet?.getRow(1).getCell(9).text).toBe('Observations of the secretariat')
    const last = sheet?.getRow(5)
    expect(last?.getCell(1).text).toBe('Ombudsman, "North"')
    expect(last?.getCell(9).value).toBe('=SUM(A1) "quoted", and\nsecond line')
    expect(last?.getCell(3).text).toBe('2')
    const redline = last?.getCell(7).value as CellRichTextValue
    expect(redline.richText.map((part) => [part.text, !!part.font?.strike])).toEqual([
      ['Terms', true],
      ['Members are, in this text:\nthe cities', false],
    ])
  })

  it('DOCX: a landscape table with every column and row', async () => {
    const { docx } = await files()
    const xml = strFromU8(unzipSync(docx.bytes)['word/document.xml'] as Uint8Array)
    expect(xml).toMatch(/w:orient="landscape"/)
    const cells = docxCells(docx.bytes)
    expect(cells.slice(0, 9)).toContain('Observations of the secretariat')
    expect(cells).toHaveLength(9 * 5)
    expect(cells.slice(36)).toEqual([
      'Ombudsman, "North"',
      'observer',
      '2',
      'Terms',
      'te',
      'Define "members", please, = all of them',
      // The proposed change as a redline against the quote: "Terms" struck, the rest underlined.
      'TermsMembers are, in this text:the cities',
      'Noted',
      '=SUM(A1) "quoted", andsecond line',
    ])
  })

  it.skipIf(skipWithoutLibreOffice())(
    'LibreOffice opens the DOCX',
    async () => {
      const { docx } = await files()
      const text = (await officeReads('compilation.docx', docx.bytes, 'txt:Text')).replace(
        /\s+/g,
        ' ',
      )
      expect(text).toContain('Observations of the secretariat')
      expect(text).toContain('Define "members", please, = all of them')
      // LibreOffice starts cold: tens of seconds on a loaded 2-core machine.
    },
    180_000,
  )

  it.skipIf(skipWithoutLibreOfficeCalc())(
    'LibreOffice Calc opens the XLSX: every row and column, Cyrillic, the redline’s words',
    async () => {
      const { xlsx } = await files()
      // CSV as Calc saves it: comma, double quotes, UTF-8 (76), formulas as their text.
      const csv = await officeReads(
        'compilation.xlsx',
        xlsx.bytes,
        'csv:Text - txt - csv (StarCalc):44,34,76,1',
      )
      const rows = parseCsv(csv).filter((row) => row.some((cell) => cell !== ''))
      expect(rows).toHaveLength(5)
      for (const row of rows) expect(row).toHaveLength(9)
      expect(rows[0]?.[8]).toBe('Observations of the secretariat')
      // The suggestion's row: the member's organization, in Cyrillic, read as such.
      // One row per comment and suggestion, in clause order: general, clause 1, clause 2.
      expect(rows.map((row) => [row[2], row[4]])).toEqual([
        ['Clause/Subclause', 'Type of comment'],
        ['General', 'ge'],
        ['1', 'ed'],
        ['1', ''],
        ['2', 'te'],
      ])
      // The member's organization, in Cyrillic, read as such; the suggestion's inserted words.
      expect(rows[2]?.slice(0, 6)).toEqual(['Город Казань', 'member', '1', 'Scope', 'ed', 'Typo'])
      expect(rows[3]?.slice(0, 2)).toEqual(['Город Казань', 'member'])
      expect(rows[3]?.[6]).toBe(' all')
      expect(rows[4]).toEqual([
        ...DECIDED_TERMS_ROW,
        // The redline's runs: the struck quote, then the proposed words.
        'TermsMembers are, in this text:\nthe cities',
        'Noted',
        // A string, not a formula Calc would compute.
        '=SUM(A1) "quoted", and\nsecond line',
      ])
    },
    180_000,
  )

  it('a filled-in template (XLSX) becomes typed comments on its clauses; the rest is reported', async () => {
    const { id } = await reviewed()
    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet('Template')
    sheet.addRow(['Compilation of comments on the Rules'])
    sheet.addRow([
      'MB/NC¹',
      'Line number',
      'Clause/ Subclause',
      'Paragraph/ Figure/ Table/',
      'Type of comment²',
      'Comments',
      'Proposed change',
      'Observations of the secretariat',
    ])
    sheet.addRow(['City of Perm', '', '2', '', 'te', 'Terms are vague', 'Define them', ''])
    sheet.addRow(['City of Perm', '', 'п. 1.', 'first line', 'ред', 'Comma missing', '', ''])
    sheet.addRow(['City of Perm', '', 'General', '', 'ge', 'Fine overall', '', ''])
    sheet.addRow(['City of Perm', '', '7', '', 'te', 'No such clause', '', ''])
    sheet.addRow(['City of Perm', '', '1', '', 'xx', 'Odd type', '', ''])
    sheet.addRow(['City of Perm', '', '1', '', 'te', '', 'only a change', ''])
    sheet.addRow([])
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer())
    for (const role of ['observer', 'member'] as const) {
      expect(await outcome(h.documents.importCommentTemplate(h.people[role], id, bytes))).toBe(
        `forbidden:${ErrorCode.forbidden}`,
      )
    }
    const before = (await h.documents.listThreads(h.people.observer, id)).length
    const report = await h.documents.importCommentTemplate(h.people.coordinator, id, bytes)
    expect(report.created).toBe(3)
    expect(report.unplaced).toEqual([
      { row: 6, clause: '7', reason: 'no clause 7 in the text' },
      { row: 7, clause: '1', reason: 'unknown type "xx" (use ge, te or ed)' },
      { row: 8, clause: '1', reason: 'no comment' },
    ])
    const threads = await h.documents.listThreads(h.people.observer, id)
    expect(threads).toHaveLength(before + 3)
    const imported = threads.filter((t) => report.threads.includes(t.id))
    expect(
      imported.map((t) => [t.clauseId, t.type, t.messages[0]?.body, t.proposedChange]),
    ).toEqual([
      ['terms', 'technical', 'Terms are vague', 'Define them'],
      ['scope', 'editorial', 'Comma missing', null],
      [null, 'general', 'Fine overall', null],
    ])
    expect(imported[0]).toMatchObject({
      quote: 'Terms',
      submittedBy: { name: 'City of Perm', organization: 'City of Perm' },
    })
    expect(imported[1]?.quote).toBe('first line')
    const audit = (await h.auditOf(id)).filter((e) => e.action === 'comment.imported')
    expect(audit[0]?.details).toEqual({ created: 3, unplaced: 3 })
  })

  it.each(['docx', 'xlsx'] as const)(
    'the %s compilation imports back into another document, clause by clause',
    async (format) => {
      const exported = (await files())[format]
      const { id } = await reviewed()
      const report = await h.documents.importCommentTemplate(
        h.people.coordinator,
        id,
        exported.bytes,
      )
      expect(report.unplaced).toEqual([])
      expect(report.created).toBe(4)
      const rows = (
        (await h.documents.exportCompilation(h.people.observer, id, { format: 'json' })) as {
          compilation: Compilation
        }
      ).compilation.rows.filter((r) => report.threads.includes(r.id))
      expect(rows.map((r) => [r.clauseNumber, r.type, r.organization])).toEqual([
        [null, 'general', ''],
        ['1', 'editorial', 'Город Казань'],
        ['1', 'general', 'Город Казань'],
        ['2', 'technical', 'Ombudsman, "North"'],
      ])
      // A redlined proposed change comes back as the words proposed, without the struck ones.
      expect(rows.at(-1)?.proposedChange).toBe('Members are, in this text:\nthe cities')
    },
  )

  it('strike-through drops words only from the proposed change, never from a comment', async () => {
    const { id } = await reviewed()
    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet('Template')
    sheet.addRow(['MB/NC', 'Clause', 'Type of comment', 'Comments', 'Proposed change'])
    const row = sheet.addRow(['City of Perm', '2', 'te', '', ''])
    row.getCell(4).value = {
      richText: [
        { text: 'The word ' },
        { text: 'shall', font: { strike: true } },
        { text: ' is struck here' },
      ],
    }
    row.getCell(5).value = {
      richText: [
        { text: 'Members', font: { strike: true } },
        { text: 'Cities' },
        { text: ' vote' },
      ],
    }
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer())
    const report = await h.documents.importCommentTemplate(h.people.coordinator, id, bytes)
    expect(report.created).toBe(1)
    const thread = (await h.documents.listThreads(h.people.observer, id)).find((t) =>
      report.threads.includes(t.id),
    )
    expect(thread?.messages[0]?.body).toBe('The word shall is struck here')
    expect(thread?.proposedChange).toBe('Cities vote')
  })

  it('a file that is no template: invalid, nothing created', async () => {
    const { id } = await reviewed()
    const before = (await h.documents.listThreads(h.people.observer, id)).length
    const notZip = new TextEncoder().encode('hello')
    expect(await outcome(h.documents.importCommentTemplate(h.people.coordinator, id, notZip))).toBe(
      `invalid:${ErrorCode.validation}`,
    )
    const workbook = new ExcelJS.Workbook()
    workbook.addWorksheet('x').addRow(['a', 'b'])
    const noHeading = new Uint8Array(await workbook.xlsx.writeBuffer())
    expect(
      await outcome(h.documents.importCommentTemplate(h.people.coordinator, id, noHeading)),
    ).toBe(`invalid:${ErrorCode.validation}`)
    expect(await h.documents.listThreads(h.people.observer, id)).toHaveLength(before)
  })
})
