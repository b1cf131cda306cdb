import { describe, expect, it } from 'vitest'
import { readableTextColor } from './readableTextColor'

describe('readableTextColor', () => {
  it('puts white on dark colours and black on light ones', () => {
    expect(readableTextColor('#1a237e')).toBe('#ffffff')
    expect(readableTextColor('#000000')).toBe('#ffffff')
    expect(readableTextColor('#ffeb3b')).toBe('#000000')
    expect(readableTextColor('#FFFFFF')).toBe('#000000')
  })

  it('falls back to black for anything that is not #rrggbb', () => {
    expect(readableTextColor('transparent')).toBe('#000000')
    expect(readableTextColor('red')).toBe('#000000')
  })
})
