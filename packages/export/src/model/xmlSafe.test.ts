import { describe, expect, it } from 'vitest'
import { xmlSafe, xmlSafeText } from './xmlSafe.js'

describe('xmlSafe', () => {
  it('drops what XML 1.0 forbids and keeps tab, line ends, pairs and every other character', () => {
    expect(xmlSafeText('a\u0000b\u0008\u000B\u001F\u007F\u0085\uFFFE\uFFFFc')).toBe('abc')
    expect(xmlSafeText('lone \uD800 high, lone \uDC00 low, \uDBFF\uDBFF\uDC00 pair')).toBe(
      'lone  high, lone  low, \uDBFF\uDC00 pair',
    )
    const kept = 'tab\tLF\nCR\r 😀 Ёж \uFFFD \uFDD0 \u{10FFFF}'
    expect(xmlSafeText(kept)).toBe(kept)
  })

  it('cleans every string of a JSON-like value, keys too, and keeps dates and numbers', () => {
    const date = new Date('2024-10-09T12:00:00Z')
    expect(
      xmlSafe({ 'k\uFFFE': ['a\u0001', 1, null, true, { date, s: '\uD800x' }], n: undefined }),
    ).toEqual({ k: ['a', 1, null, true, { date, s: 'x' }], n: undefined })
  })
})
