import i18next from 'i18next'
import { beforeAll, describe, expect, it } from 'vitest'
import { resources } from './resources'

describe('plurals', () => {
  const i18n = i18next.createInstance()
  beforeAll(() =>
    i18n.init({ resources, fallbackNS: 'more', lng: 'ru', fallbackLng: 'en', initAsync: false }),
  )

  it('use Russian plural forms (one, few, many) and English ones (one, other)', () => {
    const ru = i18n.getFixedT('ru')
    const en = i18n.getFixedT('en')
    expect([1, 3, 5, 21].map((count) => ru('comments.openCount', { count }))).toEqual([
      '1 открытый',
      '3 открытых',
      '5 открытых',
      '21 открытый',
    ])
    expect([1, 3].map((count) => en('comments.openCount', { count }))).toEqual(['1 open', '3 open'])
  })
})
