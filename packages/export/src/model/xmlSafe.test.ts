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

  it('finds every forbidden character: each UTF-16 code unit alone is kept or dropped as the Unicode rule says', () => {
    const rule = /(?![\t\n\r])\p{Cc}|\p{Cs}|[\uFFFE\uFFFF]/gu
    for (let unit = 0; unit <= 0xffff; unit++) {
      const text = `a${String.fromCharCode(unit)}b`
      expect(xmlSafeText(text)).toBe(text.replace(rule, ''))
    }
  })

  it('gives back a value that needs no cleaning as it is, and copies one that does', () => {
    const clean = { type: 'doc', content: [{ type: 'text', text: 'Ёж 😀\tтаб' }], n: 1 }
    expect(xmlSafe(clean)).toBe(clean)
    const dirty = { type: 'doc', content: [clean, { type: 'text', text: 'x\u0002' }] }
    const cleaned = xmlSafe(dirty)
    expect(cleaned).not.toBe(dirty)
    expect(cleaned).toEqual({ type: 'doc', content: [clean, { type: 'text', text: 'x' }] })
    expect(dirty.content[1]).toEqual({ type: 'text', text: 'x\u0002' })
  })
})
