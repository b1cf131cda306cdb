import { validateAkn, xpathString } from '@accord/test-support'
import { DOMParser } from 'linkedom'
import { describe, expect, it } from 'vitest'
import {
  BULLETS,
  clauseId,
  meta,
  NUMBERED,
  PRINCIPLES,
  richDeclaration,
  SUBCLAUSE_HEADING,
  sampleDocument,
} from '../test/sampleDocuments.js'
import { toAkomaNtoso } from './toAkomaNtoso.js'

const parse = (xml: string) => new DOMParser().parseFromString(xml, 'text/xml')
const childText = (parent: Element | null | undefined, name: string) =>
  [...(parent?.children ?? [])].find((c) => c.localName === name)?.textContent

describe('toAkomaNtoso', () => {
  it('is valid against the OASIS schema for both samples, the rich document, comments and a text without clauses', () => {
    const rich = richDeclaration()
    const message = { author: 'Анна', body: 'строка\nстрока', createdAt: new Date() }
    const documents = [
      toAkomaNtoso(sampleDocument('declaration'), meta()),
      toAkomaNtoso(
        sampleDocument('resolution'),
        meta({ title: 'Резолюция', versionName: undefined }),
      ),
      toAkomaNtoso(rich, meta({ language: 'en', clauseLabel: 'section' })),
      toAkomaNtoso(
        rich,
        meta({
          threads: [
            { clauseId: clauseId(rich, 0), quote: 'доступ', messages: [message] },
            { clauseId: null, quote: '', messages: [message] },
          ],
        }),
      ),
      toAkomaNtoso(
        {
          type: 'doc',
          content: [
            { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Раздел' }] },
            { type: 'paragraph' },
          ],
        },
        meta(),
      ),
    ]
    for (const xml of documents) expect(() => validateAkn(xml)).not.toThrow()
  })

  it('has an act with FRBR identification, a preface and one article per clause with num, heading and paragraphs', () => {
    const xml = parse(toAkomaNtoso(richDeclaration(), meta()))
    const act = xml.querySelector('akomaNtoso > act')
    expect(act?.getAttribute('name')).toBe('standard')
    expect(xml.querySelector('FRBRWork > FRBRthis')?.getAttribute('value')).toBe(
      '/akn/int/act/standard/2024-10-09/doc-declaration/!main',
    )
    expect(xml.querySelector('FRBRExpression > FRBRlanguage')?.getAttribute('language')).toBe('rus')
    expect(xml.querySelector('FRBRExpression > FRBRversionNumber')?.getAttribute('value')).toBe(
      'Проект 2',
    )
    expect(xml.querySelector('preface docTitle')?.textContent).toBe(
      'Декларация Коалиции городов за цифровые права',
    )
    expect(xml.querySelector('preface docDate')?.getAttribute('date')).toBe('2024-10-09')
    const articles = [...xml.querySelectorAll('body > article')]
    expect(articles).toHaveLength(5)
    expect(articles.map((a) => childText(a, 'num'))).toEqual([
      'Статья 1',
      'Статья 2',
      'Статья 3',
      'Статья 4',
      'Статья 5',
    ])
    expect(articles.map((a) => childText(a, 'heading'))).toEqual(PRINCIPLES)
    expect(articles.map((a) => a.getAttribute('eId'))).toEqual([
      'art_1',
      'art_2',
      'art_3',
      'art_4',
      'art_5',
    ])
    const paragraphs = [...(articles[0]?.children ?? [])].filter((c) => c.localName === 'paragraph')
    expect(paragraphs[0]?.querySelector('content > p')?.textContent).toMatch(
      /^Каждый должен иметь доступ/,
    )
    const sub = paragraphs.find((p) => childText(p, 'num') === 'Статья 1.1')
    expect(childText(sub, 'heading')).toBe(SUBCLAUSE_HEADING)
    expect(sub?.querySelector('content b')?.textContent).toBe('обязаны')
    expect(sub?.querySelector('content i')?.textContent).toBe('без согласия')
    expect(sub?.querySelector('content eol')).not.toBeNull()
    expect(
      [...(articles[0]?.querySelectorAll('ul > li') ?? [])].map((li) => li.textContent),
    ).toEqual(BULLETS)
    expect(
      [...(articles[0]?.querySelectorAll('ol > li') ?? [])].map((li) => [
        li.getAttribute('value'),
        li.textContent,
      ]),
    ).toEqual([
      ['3', NUMBERED[0]],
      ['4', NUMBERED[1]],
    ])
    expect(xml.querySelector('conclusions > p')?.textContent).toBe('Подписано в Барселоне.')
  })

  it('escapes markup and ampersands in the title and text, and drops characters XML forbids', () => {
    const doc = sampleDocument('declaration')
    const evil = '<script>alert(1)</script> & «Ко»'
    doc.content?.unshift({ type: 'paragraph', content: [{ type: 'text', text: evil }] })
    const raw = toAkomaNtoso(doc, meta({ title: `${evil}\u0007` }))
    expect(raw).not.toContain('<script>')
    expect(raw).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; «Ко»')
    expect(() => validateAkn(raw)).not.toThrow()
    const xml = parse(raw)
    expect(xml.querySelector('docTitle')?.textContent).toBe(evil)
    // An independent parser reads the attribute back as the original text.
    expect(xpathString(raw, '//*[local-name()="FRBRname"]/@value')).toBe(evil)
  })

  it('keeps open threads as notes placed at their clause', () => {
    const doc = richDeclaration()
    const xml = parse(
      toAkomaNtoso(
        doc,
        meta({
          threads: [
            {
              clauseId: 'sub-children',
              quote: 'детей',
              messages: [{ author: 'Анна', body: 'Уточнить', createdAt: new Date() }],
            },
          ],
        }),
      ),
    )
    const note = xml.querySelector('meta > notes > note')
    expect(note?.getAttribute('placementBase')).toBe('art_1__para_4')
    expect(note?.textContent).toContain('Статья 1.1: «детей»')
    expect(note?.textContent).toContain('Уточнить')
  })
})
