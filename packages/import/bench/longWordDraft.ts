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

const SENTENCE =
  'Государства — участники Альянса обеспечивают защиту прав человека в цифровой среде, включая право на неприкосновенность частной жизни и защиту персональных данных'

/**
 * A long draft as a working group's Word file looks (written with the `docx` package):
 * `clauses` articles of two paragraphs each (about 200 pages for 1,000), `comments` comments
 * spread over them and `changes` tracked changes (insertions and deletions) by three people.
 */
export const longWordDraft = async ({
  clauses,
  comments,
  changes,
}: {
  clauses: number
  comments: number
  changes: number
}): Promise<Uint8Array> => {
  const people = ['Анна Петрова', 'John Smith', 'Олег Сидоров']
  const commentEvery = Math.max(1, Math.floor(clauses / comments))
  const changeEvery = Math.max(1, Math.floor(clauses / changes))
  const children: Paragraph[] = [
    new Paragraph({
      text: 'Стандарт защиты прав человека в цифровой среде',
      heading: HeadingLevel.TITLE,
    }),
    new Paragraph('Рабочая группа, учитывая резолюцию Альянса, принимает настоящий стандарт.'),
  ]
  const commentList: { id: number; author: string; date: Date; children: Paragraph[] }[] = []
  let changeId = 0
  for (let i = 1; i <= clauses; i++) {
    children.push(
      new Paragraph({ text: `Статья ${i}. Положение ${i}`, heading: HeadingLevel.HEADING_2 }),
    )
    const runs: (
      | TextRun
      | InsertedTextRun
      | DeletedTextRun
      | CommentRangeStart
      | CommentRangeEnd
    )[] = [new TextRun(`${SENTENCE} (пункт ${i}). `)]
    if (i % commentEvery === 0 && commentList.length < comments) {
      const id = commentList.length
      commentList.push({
        id,
        author: people[id % 3] ?? '',
        date: new Date(Date.UTC(2024, 2, 1 + (id % 28))),
        children: [new Paragraph(`Замечание ${id + 1}: уточнить формулировку.`)],
      })
      runs.push(new CommentRangeStart(id), new TextRun('настоящий пункт'), new CommentRangeEnd(id))
      runs.push(new TextRun({ children: [new CommentReference(id)] }))
    }
    for (
      let k = 0;
      k < Math.ceil(changes / clauses) && i % changeEvery === 0 && changeId < changes;
      k++
    ) {
      const author = people[changeId % 3] ?? ''
      const date = '2024-03-05T09:00:00Z'
      runs.push(
        changeId % 2 === 0
          ? new InsertedTextRun({ text: ' с учётом замечаний', id: 1000 + changeId, author, date })
          : new DeletedTextRun({ text: ' в разумный срок', id: 1000 + changeId, author, date }),
      )
      changeId++
    }
    children.push(new Paragraph({ children: [...runs, new TextRun('.')] }))
    children.push(new Paragraph(`${SENTENCE}; ${SENTENCE.toLowerCase()}.`))
  }
  const doc = new Document({ comments: { children: commentList }, sections: [{ children }] })
  return new Uint8Array(await Packer.toBuffer(doc))
}
