import type { PresenceUser } from '@accord/protocol'
import { describe, expect, it } from 'vitest'
import { presenceFromStates } from './presenceFromStates'

const anna: PresenceUser = { id: 'a', name: 'Anna', color: '#1f6feb', role: 'member' }
const boris: PresenceUser = { id: 'b', name: 'Boris', color: '#b35900', role: 'observer' }

describe('presenceFromStates', () => {
  it('lists each account once, however many tabs it has open', () => {
    const states = new Map<number, Record<string, unknown>>([
      [1, { user: boris }],
      [2, { user: anna, cursor: null }],
      [3, { user: anna }],
    ])
    expect(presenceFromStates(states)).toEqual([anna, boris])
  })

  it('ignores states without a well-formed user', () => {
    const states = new Map<number, Record<string, unknown>>([
      [1, {}],
      [2, { user: { id: 'x', name: 'No role', color: '#000000' } }],
      [3, { user: 'mallory' }],
    ])
    expect(presenceFromStates(states)).toEqual([])
  })
})
