import { convertWithLibreOffice, listOutline, skipWithoutLibreOffice } from '@accord/test-support'
import { AlignmentType, Document, LevelFormat, Packer, Paragraph } from 'docx'
import { beforeAll, describe, expect, it } from 'vitest'
import { importFile } from './importFile.js'
import { clausesOf, listShape } from './testCorpus/readBack.js'
import { wordFile, wordParagraph } from './testCorpus/wordFile.js'

/**
 * Lists that Word numbers through a paragraph style (`w:numPr` in styles.xml), the paragraphs
 * themselves carrying none: Word's built-in List Bullet and List Number styles, and a working
 * group's own "Пункт" style.
 */

/** A one-level list bound to style `style` (`w:pStyle`), as Word's Normal template defines List Bullet N. */
const singleLevel = (id: string, style: string, format: string, indent: number) =>
  `<w:abstractNum w:abstractNumId="${id}"><w:nsid w:val="FFFFFF8${id}"/><w:multiLevelType w:val="singleLevel"/>` +
  `<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="${format}"/><w:pStyle w:val="${style}"/>` +
  `<w:lvlText w:val="${format === 'bullet' ? '\uF0B7' : '%1.'}"/><w:lvlJc w:val="left"/>` +
  `<w:pPr><w:ind w:left="${indent}" w:hanging="360"/></w:pPr></w:lvl></w:abstractNum>`

/** A paragraph style named `name` numbered by list `numId`, no level of its own (as Word writes it). */
const listStyle = (id: string, name: string, numId: string) =>
  `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${name}"/><w:basedOn w:val="Normal"/>` +
  `<w:uiPriority w:val="99"/><w:unhideWhenUsed/><w:pPr><w:numPr><w:numId w:val="${numId}"/></w:numPr>` +
  '<w:contextualSpacing/></w:pPr></w:style>'

const BUILT_IN = {
  numbering:
    singleLevel('0', 'ListBullet', 'bullet', 360) +
    singleLevel('1', 'ListBullet2', 'bullet', 720) +
    singleLevel('2', 'ListNumber', 'decimal', 360) +
    singleLevel('3', 'ListNumber2', 'decimal', 720) +
    ['0', '1', '2', '3']
      .map((a) => `<w:num w:numId="${Number(a) + 1}"><w:abstractNumId w:val="${a}"/></w:num>`)
      .join(''),
  styles:
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>' +
    listStyle('ListBullet', 'List Bullet', '1') +
    listStyle('ListBullet2', 'List Bullet 2', '2') +
    listStyle('ListNumber', 'List Number', '3') +
    listStyle('ListNumber2', 'List Number 2', '4'),
}

const styled = (t: string, style: string) => wordParagraph(t, { style })

describe("Word's built-in list styles", () => {
  it('List Bullet and List Bullet 2 read as a nested bulleted list', () => {
    const doc = importFile(
      'styles.docx',
      wordFile(
        wordParagraph('Статья 1. Общие положения') +
          styled('Права участников', 'ListBullet') +
          styled('на доступ к документам', 'ListBullet2') +
          styled('на участие в заседаниях', 'ListBullet2') +
          styled('Обязанности участников', 'ListBullet') +
          wordParagraph('Статья 2. Заключительные положения'),
        BUILT_IN.numbering,
        BUILT_IN.styles,
      ),
    )
    expect(clausesOf(doc.content).map((c) => c.heading)).toEqual([
      'Общие положения',
      'Заключительные положения',
    ])
    expect(listShape(doc.content)).toBe(
      'ul(Права участников ul(на доступ к документам; на участие в заседаниях); Обязанности участников)',
    )
  })

  it('List Number and List Number 2 count as Word shows them', () => {
    const doc = importFile(
      'numbers.docx',
      wordFile(
        wordParagraph('Статья 1. Общие положения') +
          styled('Первое', 'ListNumber') +
          styled('первое-а', 'ListNumber2') +
          styled('Второе', 'ListNumber') +
          // List Number 2 is a list of its own: Word counts it on under the next item.
          styled('второе-а', 'ListNumber2'),
        BUILT_IN.numbering,
        BUILT_IN.styles,
      ),
    )
    expect(listOutline(doc.content)).toEqual([
      '1. Первое',
      '  1. первое-а',
      '2. Второе',
      '  2. второе-а',
    ])
  })

  it("a paragraph's own numbering overrides its style's; numId 0 switches it off", () => {
    const doc = importFile(
      'override.docx',
      wordFile(
        wordParagraph('Статья 1. Общие положения') +
          styled('Маркер', 'ListBullet') +
          wordParagraph('Номер', { style: 'ListBullet', numId: '3', ilvl: '0' }) +
          wordParagraph('Без номера', { style: 'ListBullet', numId: '0' }),
        BUILT_IN.numbering,
        BUILT_IN.styles,
      ),
    )
    expect(listShape(doc.content)).toBe('ul(Маркер) ol1(Номер)')
    expect(clausesOf(doc.content)[0]?.body).toContain('Без номера')
  })
})

/** A working group's own list styles, written with the `docx` package. */
const customStyles = async (): Promise<Uint8Array> => {
  const doc = new Document({
    numbering: {
      config: [
        {
          reference: 'points',
          levels: [
            { level: 0, format: LevelFormat.DECIMAL, text: '%1)', alignment: AlignmentType.START },
            { level: 1, format: LevelFormat.BULLET, text: '–', alignment: AlignmentType.START },
          ],
        },
      ],
    },
    styles: {
      paragraphStyles: [
        {
          id: 'Point',
          name: 'Пункт перечня',
          basedOn: 'Normal',
          paragraph: { numbering: { reference: 'points', level: 0 } },
        },
        // Inherits its numbering from "Пункт перечня".
        {
          id: 'PointBold',
          name: 'Пункт перечня выделенный',
          basedOn: 'Point',
          run: { bold: true },
        },
        {
          id: 'Detail',
          name: 'Подробность',
          basedOn: 'Point',
          paragraph: { numbering: { reference: 'points', level: 1 } },
        },
      ],
    },
    sections: [
      {
        children: [
          new Paragraph('Статья 1. Общие положения'),
          new Paragraph('Рабочая группа:'),
          new Paragraph({ text: 'собирается ежемесячно', style: 'Point' }),
          new Paragraph({ text: 'в первый понедельник', style: 'Detail' }),
          new Paragraph({ text: 'публикует протоколы', style: 'PointBold' }),
          new Paragraph({
            text: 'отчитывается',
            style: 'Point',
            numbering: { reference: 'points', level: 1 },
          }),
          new Paragraph({ text: 'Примечание без номера', style: 'Point', numbering: false }),
          new Paragraph('Статья 2. Заключительные положения'),
        ],
      },
    ],
  })
  return new Uint8Array(await Packer.toBuffer(doc))
}

const CUSTOM_SHAPE =
  'ol1(собирается ежемесячно ul(в первый понедельник); публикует протоколы ul(отчитывается))'

describe('list styles of their own (the docx package)', () => {
  it('a style, a style based on it, and a paragraph that sets its own level or none', async () => {
    const doc = importFile('custom.docx', await customStyles())
    expect(listShape(doc.content)).toBe(CUSTOM_SHAPE)
    expect(clausesOf(doc.content)[0]?.body).toContain('Примечание без номера')
  })
})

describe('list styles saved by LibreOffice', () => {
  let saved: Record<string, Uint8Array> = {}
  beforeAll(async () => {
    if (skipWithoutLibreOffice()) return
    saved = await convertWithLibreOffice(
      {
        'custom.docx': await customStyles(),
        'builtin.docx': wordFile(
          wordParagraph('Статья 1. Общие положения') +
            styled('Права участников', 'ListBullet') +
            styled('на доступ к документам', 'ListBullet2') +
            styled('Обязанности участников', 'ListBullet'),
          BUILT_IN.numbering,
          BUILT_IN.styles,
        ),
      },
      'docx',
    )
  })

  it.skipIf(skipWithoutLibreOffice())('the styled Word files, saved again as .docx', () => {
    expect(
      listShape(importFile('custom.docx', saved['custom.docx'] ?? new Uint8Array()).content),
    ).toBe(CUSTOM_SHAPE)
    expect(
      listShape(importFile('builtin.docx', saved['builtin.docx'] ?? new Uint8Array()).content),
    ).toBe('ul(Права участников ul(на доступ к документам); Обязанности участников)')
  })
})
