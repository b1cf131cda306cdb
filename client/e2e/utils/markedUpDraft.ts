import {
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  DeletedTextRun,
  Document,
  HeadingLevel,
  InsertedTextRun,
  Packer,
  Paragraph,
  TextRun,
} from 'docx'

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
