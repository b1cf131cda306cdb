import { describe, expect, it } from 'vitest'
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness'
import * as Y from 'yjs'
import { AwarenessRelay } from './AwarenessRelay.js'
import type { Scheduler } from './BroadcastCoalescer.js'
import { readMessage } from './protocol.js'

/** The client ids a relayed awareness frame or update carries, with their states. */
const statesIn = (update: Uint8Array) => {
  const seen = new Awareness(new Y.Doc())
  seen.setLocalState(null)
  applyAwarenessUpdate(seen, update, null)
  const states = Object.fromEntries(seen.getStates())
  seen.destroy()
  return states
}

/** A client's presence as its provider sends it. */
const presence = (clientId: number, name: string) => {
  const doc = new Y.Doc()
  doc.clientID = clientId
  const client = new Awareness(doc)
  client.setLocalState({ user: { name } })
  const update = encodeAwarenessUpdate(client, [clientId])
  client.destroy()
  return update
}

const setup = () => {
  let queued: (() => void) | undefined
  const schedule: Scheduler = (run) => {
    queued = run
    return { cancel: () => (queued = undefined) }
  }
  const awareness = new Awareness(new Y.Doc())
  awareness.setLocalState(null)
  const log: string[] = []
  const frames: Uint8Array[] = []
  const published: Uint8Array[] = []
  const relay = new AwarenessRelay(
    awareness,
    {
      before: () => log.push('text'),
      send: (frame) => {
        log.push('presence')
        frames.push(frame)
      },
      publish: (update) => published.push(update),
    },
    schedule,
  )
  const change = (update: Uint8Array, fromPeer: boolean) => {
    const ids: number[] = []
    const grab = ({ added, updated }: { added: number[]; updated: number[] }) =>
      ids.push(...added, ...updated)
    awareness.on('update', grab)
    applyAwarenessUpdate(awareness, update, null)
    awareness.off('update', grab)
    relay.add(ids, !fromPeer)
  }
  const endTurn = () => {
    const run = queued
    queued = undefined
    run?.()
  }
  return { relay, change, endTurn, log, frames, published, pending: () => queued !== undefined }
}

const awarenessOf = (frame: Uint8Array) => {
  const message = readMessage(frame)
  if (message.type !== 'awareness') throw new Error(`not an awareness frame: ${message.type}`)
  return message.update
}

describe('AwarenessRelay', () => {
  it('sends the changes of one turn as one frame, after the text queued before them', () => {
    const t = setup()
    t.change(presence(1, 'Anna'), false)
    t.change(presence(2, 'Boris'), false)
    expect(t.frames).toHaveLength(0)
    t.endTurn()
    expect(t.log).toEqual(['text', 'presence'])
    expect(t.frames).toHaveLength(1)
    const states = statesIn(awarenessOf(t.frames[0] as Uint8Array))
    expect(Object.keys(states).sort()).toEqual(['1', '2'])
    // The other instances get the same update once.
    expect(t.published).toHaveLength(1)
    expect(statesIn(t.published[0] as Uint8Array)).toEqual(states)
  })

  it('does not hand back to the other instances what came from them', () => {
    const t = setup()
    t.change(presence(1, 'Anna'), true)
    t.endTurn()
    expect(t.frames).toHaveLength(1)
    expect(t.published).toHaveLength(0)
    t.change(presence(2, 'Boris'), true)
    t.change(presence(3, 'Vera'), false)
    t.endTurn()
    expect(Object.keys(statesIn(awarenessOf(t.frames[1] as Uint8Array))).sort()).toEqual(['2', '3'])
    expect(Object.keys(statesIn(t.published[0] as Uint8Array))).toEqual(['3'])
  })

  it('sends nothing once cancelled, and schedules nothing for an empty change', () => {
    const t = setup()
    t.relay.add([], true)
    expect(t.pending()).toBe(false)
    t.change(presence(1, 'Anna'), false)
    t.relay.cancel()
    t.endTurn()
    expect(t.frames).toHaveLength(0)
  })
})
