import { describe, expect, it } from 'vitest'
import { ImportSlots } from './ImportSlots.js'

describe('ImportSlots', () => {
  it('gives each account its own places and takes them back', () => {
    const slots = new ImportSlots(2)
    expect(slots.take('a')).toBe(true)
    expect(slots.take('a')).toBe(true)
    expect(slots.take('a')).toBe(false)
    expect(slots.take('b')).toBe(true)
    slots.release('a')
    expect(slots.take('a')).toBe(true)
  })
})
