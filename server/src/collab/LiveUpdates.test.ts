import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { LiveUpdates } from './LiveUpdates.js'

/** A document with some text, and what another client sends after typing into it. */
const fixture = () => {
  const live = new Y.Doc()
  live.getText('t').insert(0, 'hello')
  const other = new Y.Doc()
  Y.applyUpdate(other, Y.encodeStateAsUpdate(live))
  const before = Y.encodeStateVector(other)
  other.getText('t').insert(5, ' world')
  other.getText('t').delete(0, 1)
  return { live, update: Y.encodeStateAsUpdate(other, before) }
}

const record = (updates: LiveUpdates) => {
  const told: { update: Uint8Array; origin: unknown }[] = []
  updates.listen((update, origin) => told.push({ update, origin }))
  return told
}

/** The text a fresh copy of `base` holds after the told updates. */
const replayed = (base: Uint8Array, told: { update: Uint8Array }[]) => {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, base)
  for (const { update } of told) Y.applyUpdate(doc, update)
  return doc.getText('t').toString()
}

describe('LiveUpdates', () => {
  it('tells an update applied as sent by its own bytes, with its origin, and Yjs encodes nothing', () => {
    const { live, update } = fixture()
    const updates = new LiveUpdates(live)
    const told = record(updates)
    // Yjs encodes a transaction's update at its end only if something listens for 'update'.
    const listened: boolean[] = []
    const observers = (live as unknown as { _observers: Map<string, unknown> })._observers
    live.on('afterTransaction', () => listened.push(observers.has('update')))
    const transaction = updates.applyAsSent(update, 'me')
    expect(live.getText('t').toString()).toBe('ello world')
    expect(told).toEqual([{ update, origin: 'me' }])
    expect(told[0]?.update).toBe(update)
    expect(transaction.origin).toBe('me')
    expect(listened).toEqual([false])
    live.getText('t').insert(0, '!')
    expect(listened).toEqual([false, true])
  })

  it('tells nothing for an update that changes nothing, and goes on telling other changes', () => {
    const { live, update } = fixture()
    const base = Y.encodeStateAsUpdate(live)
    const updates = new LiveUpdates(live)
    const told = record(updates)
    updates.applyAsSent(update, null)
    updates.applyAsSent(update, null)
    expect(told).toHaveLength(1)
    live.getText('t').insert(0, '>')
    expect(told).toHaveLength(2)
    expect(replayed(base, told)).toBe('>ello world')
  })

  it('tells what an observer changed during the apply, so that nothing of it is missed', () => {
    const { live, update } = fixture()
    const base = Y.encodeStateAsUpdate(live)
    const updates = new LiveUpdates(live)
    const told = record(updates)
    let once = true
    live.on('afterTransaction', () => {
      if (!once) return
      once = false
      live.getText('t').insert(0, '#')
    })
    updates.applyAsSent(update, null)
    expect(live.getText('t').toString()).toBe('#ello world')
    expect(replayed(base, told)).toBe('#ello world')
  })

  it('inside another transaction, leaves the telling to that transaction', () => {
    const { live, update } = fixture()
    const base = Y.encodeStateAsUpdate(live)
    const updates = new LiveUpdates(live)
    const told = record(updates)
    live.transact(() => {
      live.getText('t').insert(0, '[')
      updates.applyAsSent(update, null)
    })
    expect(told).toHaveLength(1)
    expect(replayed(base, told)).toBe('[ello world')
  })

  it('stops telling once destroyed', () => {
    const { live, update } = fixture()
    const updates = new LiveUpdates(live)
    const told = record(updates)
    updates.destroy()
    updates.applyAsSent(update, null)
    live.getText('t').insert(0, 'x')
    expect(told).toEqual([])
  })
})
