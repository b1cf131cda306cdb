import { DOMParser } from 'linkedom'
import { describe, expect, it } from 'vitest'
import {
  BOLD,
  BULLETS,
  clauseId,
  ITALIC,
  meta,
  NUMBERED,
  PRINCIPLES,
  richDeclaration,
  SUBCLAUSE_HEADING,
  sampleDocument,
} from '../test/sampleDocuments.js'
import { toHtml } from './toHtml.js'

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html')
const texts = (nodes: Iterable<{ textContent: string | null }>) =>
  [...nodes].map((n) => n.textContent?.trim())

describe('toHtml', () => {
  it('is one accessible file with the title, version, date and the clauses numbered as in the editor', () => {
    const html = toHtml(richDeclaration(), meta())
    const page = parse(html)
    expect(page.documentElement.getAttribute('lang')).toBe('ru')
    expect(page.querySelector('title')?.textContent).toBe(
      'Декларация Коалиции городов за цифровые права — Версия: Проект 2',
    )
    expect(page.querySelector('h1')?.textContent).toBe(
      'Декларация Коалиции городов за цифровые права',
    )
    expect(page.querySelector('header')?.textContent).toContain('9 октября 2024 г.')
    const clauses = page.querySelectorAll('main > section.clause')
    expect(clauses).toHaveLength(5)
    expect(texts(page.querySelectorAll('section.clause > h2'))).toEqual(
      PRINCIPLES.map((heading, i) => `Статья ${i + 1}. ${heading}`),
    )
    const first = clauses[0]
    expect(first?.getAttribute('aria-labelledby')).toBe(first?.querySelector('h2')?.id)
    expect(first?.querySelector('section.subclause > h3')?.textContent).toBe(
      `Статья 1.1. ${SUBCLAUSE_HEADING}`,
    )
    expect(texts(first?.querySelectorAll('ul > li') ?? [])).toEqual(BULLETS)
    expect(first?.querySelector('ol')?.getAttribute('start')).toBe('3')
    expect(texts(first?.querySelectorAll('ol > li') ?? [])).toEqual(NUMBERED)
    expect(first?.querySelector('strong')?.textContent).toBe(BOLD)
    expect(first?.querySelector('em')?.textContent).toBe(ITALIC)
    expect(page.querySelector('blockquote')?.textContent).toBe('Цитата из Устава.')
    // Standalone: styles inline, nothing loaded or run.
    expect(page.querySelector('style')?.textContent).toContain('font')
    expect(page.querySelectorAll('script, link, img, iframe')).toHaveLength(0)
  })

  it('escapes markup in titles and text', () => {
    const doc = sampleDocument('declaration')
    const evil = '<script>alert("x")</script> & <img src=x onerror=alert(1)>'
    doc.content?.unshift({ type: 'paragraph', content: [{ type: 'text', text: evil }] })
    const html = toHtml(doc, meta({ title: evil, versionName: evil }))
    expect(html).not.toContain('<script>')
    expect(html).not.toContain('<img')
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;img')
    const page = parse(html)
    expect(page.querySelectorAll('script, img')).toHaveLength(0)
    expect(page.querySelector('h1')?.textContent).toBe(evil)
    expect(page.querySelector('main > p')?.textContent).toBe(evil)
  })

  it('adds the open threads as an appendix only when asked', () => {
    const doc = richDeclaration()
    expect(parse(toHtml(doc, meta())).querySelector('.comments')).toBeNull()
    const html = toHtml(
      doc,
      meta({
        threads: [
          {
            clauseId: clauseId(doc, 1),
            quote: 'защиты данных',
            messages: [
              {
                author: 'Анна <b>',
                body: 'Первая строка\nвторая',
                createdAt: new Date('2024-10-10T09:30:00Z'),
              },
            ],
          },
        ],
      }),
    )
    const appendix = parse(html).querySelector('section.comments')
    expect(appendix?.querySelector('h2')?.textContent).toBe('Открытые комментарии')
    expect(appendix?.querySelector('h3')?.textContent).toBe('Статья 2')
    expect(appendix?.querySelector('blockquote')?.textContent).toBe('защиты данных')
    expect(appendix?.querySelector('strong')?.textContent).toBe('Анна <b>')
    expect(appendix?.querySelector('.comment-body')?.textContent).toBe('Первая строка\nвторая')
  })

  it('writes English labels and words for an English document', () => {
    const page = parse(
      toHtml(
        richDeclaration(),
        meta({ language: 'en', clauseLabel: 'clause', versionName: undefined }),
      ),
    )
    expect(page.documentElement.getAttribute('lang')).toBe('en')
    expect(page.querySelector('header')?.textContent).toContain('Current text')
    expect(page.querySelector('section.clause > h2')?.textContent).toBe(
      `Clause 1. ${PRINCIPLES[0]}`,
    )
  })
})
