import { describe, expect, it } from 'vitest'
import { Awareness } from 'y-protocols/awareness'
import * as Y from 'yjs'
import { othersAwareness } from './othersAwareness'

const pair = () => {
  const mine = new Awareness(new Y.Doc())
  const theirs = new Awareness(new Y.Doc())
  return { mine, theirs }
}

/** Copies `from`'s own state into `to`, as the provider does with a remote message. */
const deliver = (from: Awareness, to: Awareness) => {
  to.states.set(from.clientID, from.getLocalState() as Record<string, unknown>)
  to.emit('change', [{ added: [], updated: [from.clientID], removed: [] }, 'remote'])
}

describe('othersAwareness', () => {
  it('tells change listeners of others’ changes only, and is the awareness otherwise', () => {
    const { mine, theirs } = pair()
    const seen: unknown[] = []
    const updates: unknown[] = []
    const view = othersAwareness(mine, () => false)
    const listener = (change: unknown) => seen.push(change)
    view.on('change', listener)
    view.on('update', (change: unknown) => updates.push(change))

    view.setLocalStateField('cursor', { anchor: 1, head: 1 })
    mine.setLocalStateField('cursor', { anchor: 2, head: 2 })
    expect(seen).toEqual([])
    // Other listeners and the state itself are untouched.
    expect(updates.length).toBe(2)
    expect(view.getLocalState()).toEqual(mine.getLocalState())
    expect(view.clientID).toBe(mine.clientID)
    expect(view.states).toBe(mine.states)

    theirs.setLocalStateField('cursor', { anchor: 5, head: 5 })
    deliver(theirs, mine)
    expect(seen).toEqual([{ added: [], updated: [theirs.clientID], removed: [] }])

    // A change touching both is heard.
    mine.emit('change', [
      { added: [], updated: [mine.clientID, theirs.clientID], removed: [] },
      'x',
    ])
    expect(seen.length).toBe(2)

    view.off('change', listener)
    deliver(theirs, mine)
    expect(seen.length).toBe(2)
  })

  it('lets this tab’s own change through when the carets need drawing again', () => {
    const { mine } = pair()
    let missing = true
    const seen: unknown[] = []
    othersAwareness(mine, () => missing).on('change', (change: unknown) => seen.push(change))
    mine.setLocalStateField('cursor', { anchor: 1, head: 1 })
    missing = false
    mine.setLocalStateField('cursor', { anchor: 2, head: 2 })
    expect(seen).toEqual([{ added: [], updated: [mine.clientID], removed: [] }])
  })
})
