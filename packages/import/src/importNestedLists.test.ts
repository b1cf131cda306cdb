import { exportDocument } from '@accord/export'
import {
  convertWithLibreOffice,
  exportMeta,
  listOutline,
  NESTED_OUTLINE,
  nestedListDocument,
  nestedListDraft,
  nestedListHtml,
  STARTED_OUTLINE,
  skipWithoutLibreOffice,
  startedListDocument,
} from '@accord/test-support'
import { beforeAll, describe, expect, it } from 'vitest'
import { importFile } from './importFile.js'
import { text } from './testCorpus/hostileFiles.js'
import { clausesOf, listShape } from './testCorpus/readBack.js'
import { wordFile, wordParagraph } from './testCorpus/wordFile.js'

const HEADINGS = ['Права и обязанности', 'Заключительные положения']

/** The list stands in the first article, after its first paragraph. */
const expectNested = (doc: ReturnType<typeof importFile>, label: string) => {
  expect(
    clausesOf(doc.content).map((c) => c.heading),
    label,
  ).toEqual(HEADINGS)
  expect(listOutline(clausesOf(doc.content).length > 0 ? doc.content : {}), label).toEqual(
    NESTED_OUTLINE,
  )
  const first = doc.content.content?.find((n) => n.type === 'clause')
  expect(
    first?.content?.map((n) => n.type),
    label,
  ).toEqual(['clauseHeading', 'paragraph', 'bulletList'])
}

const MARKDOWN = [
  '## Статья 1. Права и обязанности',
  '',
  'Участники рабочей группы имеют:',
  '',
  '- Права участников',
  '  1. Право на доступ к документам',
  '     - в рабочее время',
  '     - по запросу',
  '  2. Право на участие в заседаниях',
  '- Обязанности участников',
  '  1. Соблюдать регламент',
  '',
  '## Статья 2. Заключительные положения',
  '',
  'Положение вступает в силу со дня принятия.',
].join('\n')

describe('nested lists keep their levels, bullets or numbers per level', () => {
  it('.html: nested ul/ol', () => {
    expectNested(importFile('draft.html', text(nestedListHtml())), 'html')
  })

  it('.md: nested CommonMark lists', () => {
    expectNested(importFile('draft.md', text(MARKDOWN)), 'md')
  })

  it('.docx: one numbering definition, w:ilvl per paragraph, level formats bullet/decimal/bullet', async () => {
    expectNested(importFile('draft.docx', await nestedListDraft()), 'docx')
  })

  it('an HTML item with several paragraphs and text after its nested list stays one item', () => {
    const doc = importFile(
      'items.html',
      text(
        '<h2>Статья 1. Общие</h2><ul><li><p>Первый</p><p>его продолжение</p>' +
          '<ol><li>вложенный</li></ol>и окончание</li><li>Второй</li></ul>',
      ),
    )
    expect(listOutline(doc.content)).toEqual([
      '• Первый / его продолжение / и окончание',
      '  1. вложенный',
      '• Второй',
    ])
  })
})

describe('files saved by LibreOffice', () => {
  let saved: Record<string, Uint8Array> = {}

  beforeAll(async () => {
    if (skipWithoutLibreOffice()) return
    // Word's file opened and saved again by LibreOffice, as .docx and as .odt.
    const input = { 'draft.docx': await nestedListDraft() }
    const [odt, docx] = await Promise.all([
      convertWithLibreOffice(input, 'odt'),
      convertWithLibreOffice(input, 'docx'),
    ])
    saved = { ...odt, ...docx }
  })

  for (const format of ['docx', 'odt'] as const)
    it.skipIf(skipWithoutLibreOffice())(`.${format}`, () => {
      expectNested(
        importFile(`draft.${format}`, saved[`draft.${format}`] ?? new Uint8Array()),
        format,
      )
    })
})

describe("Accord's own exports, imported again", () => {
  const meta = exportMeta()
  for (const format of ['docx', 'odt', 'html', 'md'] as const)
    it(`${format}: the nested list comes back with its levels`, async () => {
      const exported = await exportDocument(format, nestedListDocument(), meta)
      expectNested(importFile(exported.fileName, exported.bytes), format)
    })
  for (const format of ['docx', 'odt', 'html', 'md'] as const)
    it(`${format}: lists that start at 4 and 3 start there again`, async () => {
      const exported = await exportDocument(format, startedListDocument(), meta)
      expect(listOutline(importFile(exported.fileName, exported.bytes).content)).toEqual(
        STARTED_OUTLINE,
      )
    })
})

const para = (t: string, numId?: string, ilvl?: string) =>
  wordParagraph(t, numId === undefined ? {} : { numId, ...(ilvl === undefined ? {} : { ilvl }) })

const level = (ilvl: number, format: string) =>
  `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${format}"/><w:lvlText w:val="%${ilvl + 1}."/></w:lvl>`

describe('lists a broken file describes', () => {
  // Level 0 numbered, level 1 bulleted; no other level defined.
  const numbering =
    `<w:abstractNum w:abstractNumId="0">${level(0, 'decimal')}${level(1, 'bullet')}</w:abstractNum>` +
    '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'

  it('a level that jumps from 0 to 3 nests one list deeper, and what follows finds its level', () => {
    const doc = importFile(
      'jump.docx',
      wordFile(
        para('Статья 1. Общие') +
          para('первый', '1', '0') +
          para('прыжок', '1', '3') +
          para('второй уровень', '1', '1') +
          para('второй', '1', '0'),
        numbering,
      ),
    )
    expect(listOutline(doc.content)).toEqual([
      '1. первый',
      // Level 3 has no definition in the list: it shows as a bullet.
      '  • прыжок',
      '  • второй уровень',
      '2. второй',
    ])
    // The level-1 item carries on the list that the jump opened, in the same item.
    expect(listShape(doc.content)).toBe('ol1(первый ul(прыжок; второй уровень); второй)')
  })

  // Every level a bullet, so that only the levels decide.
  const bullets = `<w:abstractNum w:abstractNumId="0">${[0, 1, 2, 3].map((l) => level(l, 'bullet')).join('')}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`
  const levels = (...items: [string, number][]) =>
    importFile(
      'levels.docx',
      wordFile(
        para('Статья 1. Общие') + items.map(([t, l]) => para(t, '1', String(l))).join(''),
        bullets,
      ),
    ).content

  it('levels 0, 3, 1, 2: the item after the jump takes its level, the next nests under it', () => {
    expect(listShape(levels(['а', 0], ['б', 3], ['в', 1], ['г', 2], ['д', 0]))).toBe(
      'ul(а ul(б; в ul(г)); д)',
    )
  })

  it('levels 0, 2, 0, 1: each deeper item nests under the item before it', () => {
    expect(listShape(levels(['а', 0], ['б', 2], ['в', 0], ['г', 1]))).toBe('ul(а ul(б); в ul(г))')
  })

  it('a list that starts at level 2, then goes to 0 and 1, stays one list', () => {
    expect(listShape(levels(['а', 2], ['б', 2], ['в', 0], ['г', 1]))).toBe('ul(а; б; в ul(г))')
  })

  it('numbered levels: after a jump, a level-1 item numbered 1 starts a list of its own beside it', () => {
    const decimal = `<w:abstractNum w:abstractNumId="0">${[0, 1, 2, 3].map((l) => level(l, 'decimal')).join('')}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`
    const doc = importFile(
      'numbers.docx',
      wordFile(
        para('Статья 1. Общие') +
          para('первый', '1', '0') +
          para('прыжок', '1', '3') +
          para('второй уровень', '1', '1') +
          para('ещё', '1', '1'),
        decimal,
      ),
    )
    // As Word shows them: 1. первый, 1. прыжок (level 4's count), 1. второй уровень, 2. ещё.
    expect(listShape(doc.content)).toBe('ol1(первый ol1(прыжок) ol1(второй уровень; ещё))')
  })

  it('an ilvl no level defines, a numId no list defines, and an ilvl that is no level are read, not fatal', () => {
    const doc = importFile(
      'undefined.docx',
      wordFile(
        para('Статья 1. Общие') +
          para('нет такого уровня', '1', '7') +
          para('нет такого списка', '9', '0') +
          para('уровень не число', '1', 'x') +
          para('уровень за пределом', '1', '99'),
        numbering,
      ),
    )
    expect(clausesOf(doc.content).map((c) => c.heading)).toEqual(['Общие'])
    expect(clausesOf(doc.content)[0]?.body).toContain('нет такого списка')
    expect(listOutline(doc.content)).toEqual([
      '• нет такого уровня',
      '1. уровень не число',
      '2. уровень за пределом',
    ])
  })

  it('an HTML list whose items start three levels deep', () => {
    const doc = importFile(
      'deep.html',
      text(
        '<h2>Статья 1. Общие</h2><ul><li>первый<ul><ul><ul><li>глубоко</li></ul></ul></ul></li><li>второй</li></ul>',
      ),
    )
    expect(listOutline(doc.content)).toEqual(['• первый', '  • глубоко', '• второй'])
  })
})
