import { describe, expect, it } from 'vitest'
import { AwarenessOwners } from './AwarenessOwners.js'

const connectionOf = (userId: string) => ({ user: { id: userId } })

describe('AwarenessOwners', () => {
  it('an id belongs to the connection holding it, and after it left, to the same person only', () => {
    const owners = new AwarenessOwners<{ user: { id: string } }>()
    const alice = connectionOf('alice')
    const mallory = connectionOf('mallory')
    expect(owners.mayWrite(alice, 1)).toBe(true)
    owners.hold(alice, 1)
    expect(owners.mayWrite(mallory, 1)).toBe(false)
    // Alice's second tab may not write her first tab's id while that one holds it…
    const aliceAgain = connectionOf('alice')
    expect(owners.mayWrite(aliceAgain, 1)).toBe(false)
    // …but once it left (a reconnect), her new connection may, and nobody else.
    owners.release(alice, [1])
    expect(owners.mayWrite(mallory, 1)).toBe(false)
    expect(owners.mayWrite(aliceAgain, 1)).toBe(true)
  })

  it("an id another instance shows as someone's presence is theirs here too", () => {
    const owners = new AwarenessOwners<{ user: { id: string } }>()
    owners.seenElsewhere(5, 'bob')
    expect(owners.mayWrite(connectionOf('mallory'), 5)).toBe(false)
    expect(owners.mayWrite(connectionOf('bob'), 5)).toBe(true)
  })

  it('one person filling the room with ids forgets only their own oldest ones', () => {
    const owners = new AwarenessOwners<{ user: { id: string } }>()
    const alice = connectionOf('alice')
    owners.hold(alice, 1)
    owners.release(alice, [1])
    const mallory = connectionOf('mallory')
    for (let id = 100; id < 1100; id++) {
      owners.hold(mallory, id)
      owners.release(mallory, [id])
    }
    expect(owners.mayWrite(mallory, 1)).toBe(false)
    expect(owners.mayWrite(connectionOf('someone'), 100)).toBe(true)
  })
})
