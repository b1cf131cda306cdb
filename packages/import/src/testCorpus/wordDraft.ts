import {
  AlignmentType,
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  DeletedTextRun,
  Document,
  FootnoteReferenceRun,
  HeadingLevel,
  InsertedTextRun,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from 'docx'

const at = (iso: string) => new Date(iso)

/**
 * A Word draft written with the `docx` package (not by Accord): a title, a preamble,
 * articles "Статья N.", a comment with a reply by two people, tracked insertions and
 * deletions by two others, a table and a footnote.
 */
export const articlesDraft = async (): Promise<Uint8Array> => {
  const doc = new Document({
    comments: {
      children: [
        {
          id: 0,
          author: 'Анна Петрова',
          date: at('2024-03-01T10:00:00Z'),
          children: [new Paragraph('Уточнить срок')],
        },
        {
          id: 1,
          author: 'John Smith',
          date: at('2024-03-02T11:00:00Z'),
          parentId: 0,
          children: [new Paragraph('Agreed: 30 days')],
        },
        {
          id: 2,
          author: 'Мария Иванова',
          date: at('2024-03-03T12:00:00Z'),
          children: [new Paragraph('Кто такие стороны?')],
        },
      ],
    },
    footnotes: { 1: { children: [new Paragraph('Федеральный закон № 1-ФЗ.')] } },
    sections: [
      {
        children: [
          new Paragraph({ text: 'Положение о сотрудничестве', heading: HeadingLevel.TITLE }),
          new Paragraph('Настоящее Положение принято рабочей группой.'),
          new Paragraph({ text: 'Статья 1. Предмет', heading: HeadingLevel.HEADING_2 }),
          new Paragraph({
            children: [
              new TextRun('Стороны '),
              new CommentRangeStart(2),
              new TextRun({ text: 'сотрудничают', bold: true }),
              new CommentRangeEnd(2),
              new TextRun({ children: [new CommentReference(2)] }),
              new TextRun(' в течение '),
              new CommentRangeStart(0),
              new CommentRangeStart(1),
              new TextRun('десяти дней'),
              new CommentRangeEnd(0),
              new CommentRangeEnd(1),
              new TextRun({ children: [new CommentReference(0)] }),
              new TextRun('.'),
              new FootnoteReferenceRun(1),
            ],
          }),
          new Paragraph({ text: 'Статья 2. Сроки', heading: HeadingLevel.HEADING_2 }),
          new Paragraph({
            children: [
              new TextRun('Срок составляет '),
              new DeletedTextRun({
                text: 'десять',
                id: 10,
                author: 'Олег Сидоров',
                date: '2024-03-04T09:00:00Z',
              }),
              new InsertedTextRun({
                text: 'тридцать',
                id: 11,
                author: 'Олег Сидоров',
                date: '2024-03-04T09:00:00Z',
              }),
              new TextRun(' дней'),
              new InsertedTextRun({
                text: ' с даты подписания',
                id: 12,
                author: 'Jane Doe',
                date: '2024-03-05T09:00:00Z',
              }),
              new TextRun('.'),
            ],
          }),
          new Paragraph({ text: 'Статья 3. Термины', heading: HeadingLevel.HEADING_2 }),
          new Table({
            rows: [
              new TableRow({
                children: [
                  new TableCell({ children: [new Paragraph('Термин')] }),
                  new TableCell({ children: [new Paragraph('Значение')] }),
                ],
              }),
              new TableRow({
                children: [
                  new TableCell({ children: [new Paragraph('Сторона')] }),
                  new TableCell({ children: [new Paragraph('Участник соглашения')] }),
                ],
              }),
            ],
          }),
        ],
      },
    ],
  })
  return new Uint8Array(await Packer.toBuffer(doc))
}

/**
 * A draft whose clauses are Word's multi-level list numbering (1, 1.1, 1.1.1), with no
 * number typed in the text, and a bullet list inside a clause.
 */
export const numberedListDraft = async (): Promise<Uint8Array> => {
  const item = (text: string, level: number) =>
    new Paragraph({ text, numbering: { reference: 'clauses', level } })
  const doc = new Document({
    numbering: {
      config: [
        {
          reference: 'clauses',
          levels: [0, 1, 2].map((level) => ({
            level,
            format: LevelFormat.DECIMAL,
            text: ['%1.', '%1.%2.', '%1.%2.%3.'][level] ?? '%1.',
            alignment: AlignmentType.START,
          })),
        },
        {
          reference: 'bullets',
          levels: [
            { level: 0, format: LevelFormat.BULLET, text: '•', alignment: AlignmentType.START },
          ],
        },
      ],
    },
    sections: [
      {
        children: [
          new Paragraph({ text: 'Resolution on open data', heading: HeadingLevel.HEADING_1 }),
          new Paragraph('The Alliance, having met in Vienna,'),
          item('General provisions', 0),
          item('This resolution applies to every member office.', 1),
          item('Each office publishes its data.', 2),
          item('Definitions', 0),
          item('In this resolution:', 1),
          new Paragraph({
            text: 'data means records;',
            numbering: { reference: 'bullets', level: 0 },
          }),
          new Paragraph({
            text: 'office means a member.',
            numbering: { reference: 'bullets', level: 0 },
          }),
          item('Final provisions', 0),
        ],
      },
    ],
  })
  return new Uint8Array(await Packer.toBuffer(doc))
}

/**
 * A Word file as three people marked it up, written with the `docx` package: two articles,
 * a comment by one with a reply by another, a deletion and an insertion by a third.
 */
export const markedUpDraft = async (): Promise<Uint8Array> => {
  const doc = new Document({
    comments: {
      children: [
        {
          id: 0,
          author: 'Анна Петрова',
          date: new Date('2024-03-01T10:00:00Z'),
          children: [new Paragraph('Уточнить срок')],
        },
        {
          id: 1,
          author: 'John Smith',
          date: new Date('2024-03-02T11:00:00Z'),
          parentId: 0,
          children: [new Paragraph('Agreed: 30 days')],
        },
      ],
    },
    sections: [
      {
        children: [
          new Paragraph({ text: 'Положение о сотрудничестве', heading: HeadingLevel.HEADING_1 }),
          new Paragraph('Настоящее Положение принято рабочей группой.'),
          new Paragraph({ text: 'Статья 1. Предмет', heading: HeadingLevel.HEADING_2 }),
          new Paragraph({
            children: [
              new TextRun('Стороны сотрудничают в течение '),
              new CommentRangeStart(0),
              new CommentRangeStart(1),
              new TextRun('десяти дней'),
              new CommentRangeEnd(0),
              new CommentRangeEnd(1),
              new TextRun({ children: [new CommentReference(0)] }),
              new TextRun('.'),
            ],
          }),
          new Paragraph({ text: 'Статья 2. Сроки', heading: HeadingLevel.HEADING_2 }),
          new Paragraph({
            children: [
              new TextRun('Срок составляет '),
              new DeletedTextRun({
                text: 'десять',
                id: 10,
                author: 'Олег Сидоров',
                date: '2024-03-04T09:00:00Z',
              }),
              new InsertedTextRun({
                text: 'тридцать',
                id: 11,
                author: 'Олег Сидоров',
                date: '2024-03-04T09:00:00Z',
              }),
              new TextRun(' дней.'),
            ],
          }),
        ],
      },
    ],
  })
  return new Uint8Array(await Packer.toBuffer(doc))
}
