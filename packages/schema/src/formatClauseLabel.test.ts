import { describe, expect, it } from 'vitest'
import { formatClauseLabel } from './formatClauseLabel.js'

describe('formatClauseLabel', () => {
  it('follows the label style and the document language', () => {
    expect(formatClauseLabel('3', 'article', 'ru')).toBe('Статья 3')
    expect(formatClauseLabel('3', 'article', 'en')).toBe('Article 3')
    expect(formatClauseLabel('3.1', 'article', 'en')).toBe('Article 3.1')
    expect(formatClauseLabel('3', 'clause', 'ru')).toBe('Пункт 3')
    expect(formatClauseLabel('3', 'clause', 'en')).toBe('Clause 3')
    expect(formatClauseLabel('3', 'numeric', 'ru')).toBe('3.')
    expect(formatClauseLabel('3.1', 'numeric', 'en')).toBe('3.1.')
    expect(formatClauseLabel('3', 'section', 'en')).toBe('§ 3')
  })

  it('puts the number where each language puts it', () => {
    expect(formatClauseLabel('3', 'article', 'kk')).toBe('3-бап')
    expect(formatClauseLabel('3.1', 'article', 'uz')).toBe('3.1-modda')
    expect(formatClauseLabel('3', 'article', 'hy')).toBe('Հոդված 3')
    expect(formatClauseLabel('3', 'clause', 'be')).toBe('Пункт 3')
    expect(formatClauseLabel('3', 'article', 'tg')).toBe('Моддаи 3')
  })
})
