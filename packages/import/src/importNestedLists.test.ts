import { exportDocument } from '@accord/export'
import {
  convertWithLibreOffice,
  exportMeta,
  listOutline,
  NESTED_OUTLINE,
  nestedListDocument,
  nestedListDraft,
  nestedListHtml,
  skipWithoutLibreOffice,
} from '@accord/test-support'
import { zipSync } from 'fflate'
import { beforeAll, describe, expect, it } from 'vitest'
import { importFile } from './importFile.js'
import { text } from './testCorpus/hostileFiles.js'
import { clausesOf } from './testCorpus/readBack.js'

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
})

/** A .docx of `body` paragraphs and `numbering` definitions, nothing else. */
const wordFile = (body: string, numbering: string): Uint8Array => {
  const w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
  const rel = (id: string, type: string, target: string) =>
    `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${target}"/>`
  return zipSync({
    '[Content_Types].xml': text(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
        '<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>' +
        '</Types>',
    ),
    '_rels/.rels': text(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel('rId1', 'officeDocument', 'word/document.xml')}</Relationships>`,
    ),
    'word/_rels/document.xml.rels': text(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel('rId1', 'numbering', 'numbering.xml')}</Relationships>`,
    ),
    'word/document.xml': text(
      `<?xml version="1.0" encoding="UTF-8"?><w:document ${w}><w:body>${body}</w:body></w:document>`,
    ),
    'word/numbering.xml': text(
      `<?xml version="1.0" encoding="UTF-8"?><w:numbering ${w}>${numbering}</w:numbering>`,
    ),
  })
}

const para = (t: string, numId?: string, ilvl?: string) =>
  `<w:p>${numId ? `<w:pPr><w:numPr>${ilvl === undefined ? '' : `<w:ilvl w:val="${ilvl}"/>`}<w:numId w:val="${numId}"/></w:numPr></w:pPr>` : ''}<w:r><w:t>${t}</w:t></w:r></w:p>`

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
