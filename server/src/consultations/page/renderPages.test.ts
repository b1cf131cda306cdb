import { exportModel } from '@accord/export'
import { describe, expect, it } from 'vitest'
import type { PublicConsultation, PublishedComment } from '../readPublicConsultation.js'
import { publicErrorMessage } from './publicErrors.js'
import { findClause, renderClausePage } from './renderClausePage.js'
import { renderConsultationPage } from './renderConsultationPage.js'

const EVIL = '<script>alert(1)</script>'

const content = {
  type: 'doc',
  content: [
    {
      type: 'clause',
      attrs: { id: 'scope' },
      content: [
        { type: 'clauseHeading', content: [{ type: 'text', text: `Scope ${EVIL}` }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'The rules apply.' }] },
        {
          type: 'subclause',
          attrs: { id: 'scope-a' },
          content: [
            { type: 'clauseHeading', content: [{ type: 'text', text: 'Members' }] },
            { type: 'paragraph', content: [{ type: 'text', text: 'And guests.' }] },
          ],
        },
      ],
    },
  ],
}

const view = (state: PublicConsultation['state']): PublicConsultation => {
  const settings = { language: 'en', clauseLabel: 'article' } as const
  const model = exportModel(content, {
    documentId: 'd',
    title: 'Rules',
    ...settings,
    date: new Date('2026-01-01T00:00:00Z'),
  })
  return {
    slug: 'rules-2026',
    url: 'http://example.test/consultations/rules-2026',
    documentTitle: `Rules ${EVIL}`,
    introduction: `Hello ${EVIL}`,
    opensAt: new Date('2026-01-01T00:00:00Z'),
    closesAt: new Date('2026-02-01T12:00:00Z'),
    state,
    retentionDays: 90,
    text: {
      name: 'Draft 1',
      settings,
      clauses: [
        { id: 'scope', number: '1' },
        { id: 'scope-a', number: '1.1' },
      ],
      numberOf: new Map([
        ['scope', '1'],
        ['scope-a', '1.1'],
      ]),
      model: () => model,
    },
    published: [
      {
        id: 'c1',
        clauseId: 'scope-a',
        name: `Ann ${EVIL}`,
        organization: null,
        type: 'editorial',
        body: `Body ${EVIL}`,
        proposedChange: null,
        createdAt: '2026-01-02T00:00:00Z',
        decision: 'noted',
        reason: `Because ${EVIL}`,
      },
      {
        id: 'c2',
        clauseId: 'scope',
        name: null,
        organization: null,
        type: 'general',
        body: 'Anonymous one',
        proposedChange: 'Other words',
        createdAt: '2026-01-03T00:00:00Z',
        decision: null,
        reason: '',
      },
    ],
  }
}

describe('the public consultation pages', () => {
  it('give the kept page while nothing it shows changed, a new one once a comment is added', () => {
    const open = view('open')
    const first = renderConsultationPage(open, 'en')
    expect(renderConsultationPage({ ...open }, 'en')).toBe(first)
    const added = renderConsultationPage(
      {
        ...open,
        published: [
          ...open.published,
          { ...open.published[0], id: 'c9', body: 'Late one' } as PublishedComment,
        ],
      },
      'en',
    )
    expect(added).not.toBe(first)
    expect(added).toContain('Late one')
    expect(renderConsultationPage(open, 'ru')).toContain('lang="ru"')
    expect(renderConsultationPage(view('closed'), 'en')).not.toBe(first)
  })

  it('escape every value and carry no script or external resource', () => {
    const html = renderConsultationPage(view('open'), 'en')
    expect(html).not.toContain('<script')
    expect(html.match(/&lt;script&gt;/g)?.length).toBeGreaterThanOrEqual(5)
    expect(html).not.toMatch(/<link|src="|url\(/)
    expect(html.startsWith('<!doctype html><html lang="en">')).toBe(true)
  })

  it('put each comment under its own clause, the clause’s before its sub-clause', () => {
    const html = renderConsultationPage(view('open'), 'en')
    const anonymous = html.indexOf('Anonymous one')
    const subclause = html.indexOf('clause-scope-a')
    const ann = html.indexOf('Body &lt;script&gt;')
    expect(anonymous).toBeGreaterThan(0)
    expect(anonymous).toBeLessThan(subclause)
    expect(ann).toBeGreaterThan(subclause)
    expect(html).toContain('A member of the public')
    expect(html).toContain('href="/consultations/rules-2026/clauses/scope-a?lang=en"')
    expect(html).toContain('Decision: </strong>Noted')
  })

  it('after closing: the report, with undecided comments said so and no comment links', () => {
    const html = renderConsultationPage(view('closed'), 'ru')
    expect(html).toContain('Обсуждение закрыто')
    expect(html).toContain('Решение ещё не принято')
    expect(html).toContain('/consultations/rules-2026/report.csv?lang=ru')
    expect(html).not.toContain('/clauses/')
  })

  it('the clause page gives back what was typed, escaped, with the message', () => {
    const v = view('open')
    const clause = findClause(v.text.model('d', 'Rules').body, 'scope-a')
    expect(clause?.number).toBe('1.1')
    const html = renderClausePage(v, clause as NonNullable<typeof clause>, 'en', {
      values: { name: `"><b>x`, body: `</textarea>${EVIL}`, consent: 'true' },
      error: 'Enter a valid e-mail address.',
    })
    expect(html).toContain('value="&quot;&gt;&lt;b&gt;x"')
    expect(html).toContain('&lt;/textarea&gt;&lt;script&gt;')
    expect(html).toContain('role="alert"')
    expect(html).toMatch(/id="consent"[^>]*checked/)
    expect(html).toContain('90 days after the consultation closes')
  })

  it('say refusals by field in the person’s language', () => {
    const details = [{ path: 'email', message: 'Invalid email' }]
    expect(publicErrorMessage('ru', 'validation_failed', 'x', details)).toBe(
      'Укажите правильный адрес электронной почты.',
    )
    expect(publicErrorMessage('en', 'consultation_closed', 'x')).toContain('closed')
    expect(publicErrorMessage('en', 'something_else', 'fallback')).toBe('fallback')
  })
})
