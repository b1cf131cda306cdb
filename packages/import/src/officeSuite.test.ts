import { exportDocument } from '@accord/export'
import { articlesDraft, convertWithLibreOffice, exportMeta } from '@accord/test-support'
import { beforeAll, describe, expect, it } from 'vitest'
import { importFile } from './importFile.js'
import { clausesOf, preambleOf, suggestionsOf } from './testCorpus/readBack.js'
import { sampleText } from './testCorpus/sampleText.js'

const SAMPLES = {
  resolution: 'ombudsmen-alliance-resolution-2024.ru.txt',
  declaration: 'cities-coalition-declaration.ru.txt',
  pdfExtract: 'cities-coalition-declaration.pdf-extract.ru.txt',
} as const

const PRINCIPLES = [
  'Всеобщий и равный доступ к интернету и цифровая грамотность',
  'Конфиденциальность, защита данных и безопасность',
]

let saved: Record<string, Uint8Array> = {}

beforeAll(async () => {
  const inputs: Record<string, Uint8Array> = { 'draft.docx': await articlesDraft() }
  for (const [key, file] of Object.entries(SAMPLES)) inputs[`${key}.txt`] = sampleText(file)
  // Word files and ODT files as LibreOffice saves them: the samples, and the Word draft
  // with its comments and tracked changes opened and saved again.
  const [odt, docx] = await Promise.all([
    convertWithLibreOffice(inputs, 'odt'),
    convertWithLibreOffice(inputs, 'docx'),
  ])
  saved = { ...odt, ...docx }
})

describe('files saved by LibreOffice', () => {
  it.each(['odt', 'docx'])(
    'the Word draft saved as .%s keeps its articles, comments and tracked changes',
    (format) => {
      const doc = importFile(`draft.${format}`, saved[`draft.${format}`] ?? new Uint8Array())
      expect(clausesOf(doc.content).map((c) => c.heading)).toEqual(['Предмет', 'Сроки', 'Термины'])
      expect(preambleOf(doc.content)).toEqual([
        'Положение о сотрудничестве',
        'Настоящее Положение принято рабочей группой.',
      ])
      expect(clausesOf(doc.content)[1]?.body).toBe(
        'Срок составляет десятьтридцать дней с даты подписания.',
      )
      expect(suggestionsOf(doc.content).map((s) => [s.kind, s.author, s.text])).toEqual([
        ['deletion', 'Олег Сидоров', 'десять'],
        ['insertion', 'Олег Сидоров', 'тридцать'],
        ['insertion', 'Jane Doe', ' с даты подписания'],
      ])
      const byQuote = new Map(doc.threads.map((t) => [t.quote, t]))
      expect(byQuote.get('сотрудничают')?.messages.map((m) => [m.author, m.body])).toEqual([
        ['Мария Иванова', 'Кто такие стороны?'],
      ])
      // LibreOffice drops the reply when it opens this .docx, so what it saves holds the first message.
      expect(byQuote.get('десяти дней')?.messages.map((m) => [m.author, m.body])).toEqual([
        ['Анна Петрова', 'Уточнить срок'],
      ])
      expect(doc.report).toMatchObject({
        clauses: 3,
        comments: 2,
        suggestions: 3,
        tables: 1,
        footnotes: 1,
      })
    },
  )

  for (const format of ['docx', 'odt'] as const) {
    it(`the cities declaration as .${format}: preamble, then its five principles`, () => {
      const doc = importFile(
        `declaration.${format}`,
        saved[`declaration.${format}`] ?? new Uint8Array(),
      )
      const headings = clausesOf(doc.content).map((c) => c.heading)
      expect(headings).toHaveLength(5)
      for (const [i, principle] of PRINCIPLES.entries()) expect(headings[i]).toBe(principle)
      expect(preambleOf(doc.content).join(' ')).toContain('Мы, нижеподписавшиеся города')
      // The same text as a PDF viewer hard-wraps it: each wrapped line is a paragraph of its
      // own in the office file, and the five principles are still found.
      const wrapped = importFile(
        `pdfExtract.${format}`,
        saved[`pdfExtract.${format}`] ?? new Uint8Array(),
      )
      expect(clausesOf(wrapped.content)).toHaveLength(5)
    })

    it(`the ombudsmen resolution as .${format}: its numbered points after the preamble`, () => {
      const doc = importFile(
        `resolution.${format}`,
        saved[`resolution.${format}`] ?? new Uint8Array(),
      )
      const clauses = clausesOf(doc.content)
      expect(clauses.length).toBeGreaterThanOrEqual(3)
      expect(clauses[0]?.heading).toBe('Отмечаем:')
      expect(preambleOf(doc.content)[0]).toBe('РЕЗОЛЮЦИЯ')
      expect(preambleOf(doc.content).join(' ')).toContain('рассмотрев вопросы защиты прав человека')
    })
  }
})

describe("Accord's own exports, imported again", () => {
  it('the tracked-changes DOCX (and HTML) give the same clauses and suggestions', async () => {
    const first = importFile('draft.docx', await articlesDraft())
    const meta = exportMeta({
      title: first.title,
      language: first.language,
      suggestions: 'tracked' as const,
    })
    for (const format of ['docx', 'odt', 'html', 'md'] as const) {
      const exported = await exportDocument(format, first.content, meta)
      const again = importFile(exported.fileName, exported.bytes)
      expect(
        clausesOf(again.content).map((c) => c.heading),
        format,
      ).toEqual(clausesOf(first.content).map((c) => c.heading))
      // The ODT and Markdown exports write no tracked changes.
      if (format === 'md' || format === 'odt') continue
      expect(suggestionsOf(again.content), format).toEqual(suggestionsOf(first.content))
    }
  })
})
