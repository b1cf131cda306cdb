import { AUDIT_ACTIONS, type AuditEntry } from '@accord/protocol'
import i18next from 'i18next'
import { beforeAll, describe, expect, it } from 'vitest'
import { resources } from '../../i18n/resources'
import { activityLabel } from './activityLabel'

const entry = (action: string, details: Record<string, unknown> | null = null): AuditEntry => ({
  id: 1,
  at: '2026-01-01T00:00:00.000Z',
  user: null,
  action,
  document: null,
  details,
})

describe('activity labels', () => {
  const i18n = i18next.createInstance()
  beforeAll(() =>
    i18n.init({
      resources,
      fallbackNS: 'more',
      lng: 'en',
      fallbackLng: false,
      initAsync: false,
      interpolation: { escapeValue: false },
    }),
  )
  const label = (language: 'en' | 'ru', e: AuditEntry) => activityLabel(i18n.getFixedT(language), e)

  it('name every action the server records, in both languages', () => {
    for (const language of ['en', 'ru'] as const) {
      for (const action of AUDIT_ACTIONS) {
        // Without details too: an entry's details are whatever its action recorded.
        const text = label(language, entry(action))
        expect(text, `${language}: ${action}`).not.toBe(action)
        expect(text, `${language}: ${action}`).not.toMatch(/{{|}}/)
      }
    }
  })

  it('count an edit in the right plural form', () => {
    const edited = (changes: number) => entry('document.edited', { changes })
    expect([1, 2].map((n) => label('en', edited(n)))).toEqual([
      'edited the text (1 change)',
      'edited the text (2 changes)',
    ])
    expect([1, 3, 5, 21].map((n) => label('ru', edited(n)))).toEqual([
      'редактировал(а) текст (1 изменение)',
      'редактировал(а) текст (3 изменения)',
      'редактировал(а) текст (5 изменений)',
      'редактировал(а) текст (21 изменение)',
    ])
  })

  it('say what a roll-out of decisions did, with the version’s name', () => {
    const rollout = entry('suggestion.rollout', {
      name: 'Редакция 2',
      accepted: [{ id: 'a' }, { id: 'b' }],
      rejected: [{ id: 'c' }],
    })
    expect(label('ru', rollout)).toBe(
      'применил(а) решения по предложениям и сохранил(а) версию «Редакция 2» (принято: 2, отклонено: 1)',
    )
    expect(label('en', entry('suggestion.accepted', { suggestions: [{ id: 'a' }] }))).toBe(
      'accepted 1 suggestion',
    )
  })

  it('show an action from a newer server as it is', () => {
    expect(label('ru', entry('future.thing'))).toBe('future.thing')
  })
})
