import fs from 'node:fs'
import type { JSONContent } from '@tiptap/core'
import { describe, expect, it } from 'vitest'
import { clauseOutline } from './clauseOutline.js'
import { documentSchema } from './documentSchema.js'
import { looksLikeClauses, textToDocument } from './textToDocument.js'

const sample = (name: string): string =>
  fs.readFileSync(new URL(`../../../../shared/samples/${name}`, import.meta.url), 'utf8')

const textOf = (node: JSONContent): string => node.text ?? (node.content ?? []).map(textOf).join('')

const clausesOf = (doc: JSONContent) => (doc.content ?? []).filter((n) => n.type === 'clause')
const prefaceOf = (doc: JSONContent) => {
  const content = doc.content ?? []
  const first = content.findIndex((n) => n.type === 'clause')
  return first === -1 ? content : content.slice(0, first)
}
/** The body blocks of a clause (everything after its heading), as text. */
const bodyOf = (clause: JSONContent) => (clause.content ?? []).slice(1).map(textOf)

const expectValid = (doc: JSONContent) => {
  expect(() => documentSchema().nodeFromJSON(doc).check()).not.toThrow()
  const ids = clauseOutline(doc).flatMap((e) => [e.id, ...(e.children ?? []).map((c) => c.id)])
  expect(new Set(ids).size).toBe(ids.length)
  for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{1,64}$/)
}

const PRINCIPLES = [
  'Всеобщий и равный доступ к интернету и цифровая грамотность',
  'Конфиденциальность, защита данных и безопасность',
  'Прозрачность, подотчетность и недопущение дискриминации в отношении данных, контента и алгоритмов',
  'Представительная демократия, многообразие и инклюзивность',
  'Открытые и этичные стандарты цифровых сервисов',
]

describe('textToDocument on the sample texts', () => {
  it('turns the declaration into a titled preface and its five principles', () => {
    const doc = textToDocument(sample('cities-coalition-declaration.ru.txt'))
    expectValid(doc)
    expect(clauseOutline(doc).map((e) => [e.number, e.heading])).toEqual(
      PRINCIPLES.map((heading, i) => [String(i + 1), heading]),
    )
    const preface = prefaceOf(doc)
    expect(preface[0]).toMatchObject({ type: 'heading', attrs: { level: 1 } })
    expect(textOf(preface[0] ?? {})).toBe('Декларация Коалиции городов за цифровые права')
    expect(preface.slice(1).map((n) => n.type)).toEqual(Array(4).fill('paragraph'))
    for (const clause of clausesOf(doc)) {
      expect(bodyOf(clause)).toHaveLength(1)
      expect(bodyOf(clause)[0]).toMatch(/^Каждый должен/)
    }
  })

  it('re-joins the hard-wrapped PDF extract into the same clauses and paragraphs', () => {
    const clean = textToDocument(sample('cities-coalition-declaration.ru.txt'))
    const wrapped = textToDocument(sample('cities-coalition-declaration.pdf-extract.ru.txt'))
    expectValid(wrapped)
    expect(clauseOutline(wrapped).map((e) => e.heading)).toEqual(PRINCIPLES)
    // Clause by clause, the body text is exactly the clean text's.
    expect(clausesOf(wrapped).map(bodyOf)).toEqual(clausesOf(clean).map(bodyOf))
    const preface = prefaceOf(wrapped)
    expect(textOf(preface[0] ?? {})).toBe('Декларация Коалиции городов за цифровые права')
    expect(preface).toHaveLength(5)
    // Paragraphs start where sentences start: no line of a wrapped paragraph was left alone.
    for (const block of preface.slice(1)) expect(textOf(block)).toMatch(/^\p{Lu}/u)
    expect(textOf(preface[2] ?? {})).toContain(
      'разжигающих ненависть; подрываются демократические процессы',
    )
  })

  it('reads the resolution: preface of considerations, three operative clauses, lists of tasks', () => {
    const doc = textToDocument(sample('ombudsmen-alliance-resolution-2024.ru.txt'))
    expectValid(doc)
    expect(clauseOutline(doc).map((e) => `${e.number} ${e.heading}`)).toEqual([
      '1 Отмечаем:',
      '2 Рекомендуем членам Евразийского Альянса Омбудсменов:',
      '3 Поручаем Секретариату Евразийского Альянса Омбудсменов:',
    ])
    const preface = prefaceOf(doc)
    expect(preface[0]).toMatchObject({ type: 'heading', attrs: { level: 1 } })
    expect(textOf(preface[0] ?? {})).toBe('РЕЗОЛЮЦИЯ')
    expect(textOf(preface[1] ?? {})).toBe(
      'IX заседания Евразийского Альянса Омбудсменов, посвященного вопросам защиты прав человека в условиях цифровизации общества',
    )
    // Each consideration ("подтверждая…;", …, "рассмотрев…:") stays its own paragraph.
    expect(preface.filter((n) => /^\p{Ll}/u.test(textOf(n)))).toHaveLength(9)
    const [noting, recommending, tasking] = clausesOf(doc).map(bodyOf)
    expect(noting).toHaveLength(4)
    // A sentence the source broke over a blank line is whole again.
    expect(recommending).toContainEqual(
      expect.stringContaining('конференции омбудсменов для обсуждения вопроса о разработке'),
    )
    expect(recommending?.at(-1)).toBe('Срок – до 1 декабря 2024 г.')
    expect(tasking).toContain('Срок – до 1 ноября 2024 г.')
  })

  it('sees clauses in all three samples, and none in plain prose', () => {
    expect(looksLikeClauses(sample('cities-coalition-declaration.ru.txt'))).toBe(true)
    expect(looksLikeClauses(sample('cities-coalition-declaration.pdf-extract.ru.txt'))).toBe(true)
    expect(looksLikeClauses(sample('ombudsmen-alliance-resolution-2024.ru.txt'))).toBe(true)
    expect(looksLikeClauses('Один абзац.\n\nИ ещё один, про 2024 год.')).toBe(false)
    expect(looksLikeClauses('1. Единственный пункт')).toBe(false)
  })
})

describe('textToDocument heading styles', () => {
  it('reads "Статья N. Title" articles, with "1." parts inside them as a numbered list', () => {
    const doc = textToDocument(
      [
        'Стандарт',
        '',
        'Статья 1. Общие положения',
        '1. Настоящий стандарт применяется ко всем.',
        '2. Термины понимаются в обычном значении.',
        '',
        'СТАТЬЯ 2',
        'Право на доступ',
        'Каждый имеет право на доступ к интернету.',
      ].join('\n'),
    )
    expectValid(doc)
    expect(clauseOutline(doc).map((e) => e.heading)).toEqual(['Общие положения', 'Право на доступ'])
    const [first, second] = clausesOf(doc)
    expect(first?.content?.[1]).toMatchObject({ type: 'orderedList', attrs: { start: 1 } })
    expect(first?.content?.[1]?.content).toHaveLength(2)
    expect(bodyOf(second ?? {})).toEqual(['Каждый имеет право на доступ к интернету.'])
  })

  it('reads English articles, and sections between them as headings', () => {
    const doc = textToDocument(
      [
        'Section I. General provisions',
        'Article 1. Scope',
        'This standard applies to everyone.',
        'Section II. Rights',
        'Article 2. Access',
        'Everyone has the right of access.',
        'Article 3 Privacy',
        '- online',
        '- offline',
      ].join('\n'),
    )
    expectValid(doc)
    expect(doc.content?.map((n) => n.type)).toEqual([
      'heading',
      'clause',
      'heading',
      'clause',
      'clause',
    ])
    expect(textOf(doc.content?.[2] ?? {})).toBe('Section II. Rights')
    expect(clauseOutline(doc).map((e) => `${e.number} ${e.heading}`)).toEqual([
      '1 Scope',
      '2 Access',
      '3 Privacy',
    ])
    expect(clausesOf(doc)[2]?.content?.[1]).toMatchObject({ type: 'bulletList' })
  })

  it('makes sections the clauses when there is nothing finer', () => {
    const doc = textToDocument('Раздел 1. Цели\nТекст.\n\nРаздел 2. Задачи\nЕщё текст.')
    expectValid(doc)
    expect(clauseOutline(doc).map((e) => e.heading)).toEqual(['Цели', 'Задачи'])
  })

  it('reads "1.1" sub-items as sub-clauses and "1)" lists inside "1." clauses', () => {
    const doc = textToDocument(
      [
        '1. Принципы',
        '1.1. Каждый имеет право на доступ к интернету.',
        '1.2 Государства содействуют цифровой грамотности:',
        '1) в школах;',
        '2) в библиотеках.',
        '2. Гарантии',
        'Текст гарантий.',
      ].join('\n'),
    )
    expectValid(doc)
    const outline = clauseOutline(doc)
    expect(outline.map((e) => e.heading)).toEqual(['Принципы', 'Гарантии'])
    expect(outline[0]?.children?.map((e) => [e.number, e.heading])).toEqual([
      // A full sentence after a bare number is body text, not a heading.
      ['1.1', ''],
      ['1.2', 'Государства содействуют цифровой грамотности:'],
    ])
    const sub = clausesOf(doc)[0]?.content?.[2]
    expect(sub?.content?.[1]).toMatchObject({ type: 'orderedList' })
    const firstSub = clausesOf(doc)[0]?.content?.[1]
    expect(bodyOf(firstSub ?? {})).toEqual(['Каждый имеет право на доступ к интернету.'])
  })

  it('takes "1)" as the clause style when the first numbered heading uses it', () => {
    const doc = textToDocument('Преамбула.\n\n1) Первое\nТекст.\n\n2) Второе\nТекст.')
    expect(clauseOutline(doc).map((e) => e.heading)).toEqual(['Первое', 'Второе'])
  })

  it('keeps a numbered list inside a clause from being read as the next clauses', () => {
    const doc = textToDocument(
      ['1. Цели', 'Цели таковы:', '1. доступ;', '2. грамотность.', '2. Средства', 'Текст.'].join(
        '\n',
      ),
    )
    expectValid(doc)
    expect(clauseOutline(doc).map((e) => e.heading)).toEqual(['Цели', 'Средства'])
  })

  it('joins a word hyphenated across lines, keeping real hyphens', () => {
    const doc = textToDocument('Коалиция по интернет-\nправам и информа\u00ad\nционным системам.')
    expect(textOf(doc)).toBe('Коалиция по интернет-правам и информационным системам.')
  })

  it('gives an empty text one empty paragraph', () => {
    const doc = textToDocument('  \n\n ')
    expectValid(doc)
    expect(doc).toEqual({ type: 'doc', content: [{ type: 'paragraph' }] })
  })

  it('leaves the first line a paragraph when asked for no title', () => {
    const doc = textToDocument('Декларация\n\n1. Первое\n\n2. Второе', { title: false })
    expect(doc.content?.[0]?.type).toBe('paragraph')
  })
})
