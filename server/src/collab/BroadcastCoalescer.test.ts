import * as decoding from 'lib0/decoding'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { BroadcastCoalescer, type Scheduler } from './BroadcastCoalescer.js'
import { readMessage } from './protocol.js'

/** A scheduler the test runs by hand, standing in for setImmediate. */
const manualTurns = () => {
  let queued: (() => void) | undefined
  const schedule: Scheduler = (run) => {
    queued = run
    return { cancel: () => (queued = undefined) }
  }
  return {
    schedule,
    get pending() {
      return queued !== undefined
    },
    endTurn() {
      const run = queued
      queued = undefined
      run?.()
    },
  }
}

const setup = () => {
  const turns = manualTurns()
  const sent: { frame: Uint8Array; except: string | undefined }[] = []
  const coalescer = new BroadcastCoalescer<string>(
    (frame, except) => sent.push({ frame, except }),
    turns.schedule,
  )
  return { turns, sent, coalescer }
}

/** An update typing `text` into Y.Text 't' of a doc with its own client id. */
const edit = (doc: Y.Doc, text: string): Uint8Array => {
  let update: Uint8Array | undefined
  const grab = (u: Uint8Array) => {
    update = u
  }
  doc.on('update', grab)
  doc.getText('t').insert(doc.getText('t').length, text)
  doc.off('update', grab)
  return update as Uint8Array
}

const updateOf = (frame: Uint8Array): Uint8Array => {
  const message = readMessage(frame)
  if (message.type !== 'update') throw new Error(`expected an update frame, got ${message.type}`)
  return message.update
}

describe('BroadcastCoalescer', () => {
  it('sends nothing before the turn ends, then one frame that skips the only sender', () => {
    const { turns, sent, coalescer } = setup()
    const update = edit(new Y.Doc(), 'a')
    coalescer.add(update, 'alice')
    expect(sent).toHaveLength(0)
    turns.endTurn()
    expect(sent).toHaveLength(1)
    expect(sent[0]?.except).toBe('alice')
    expect(updateOf(sent[0]?.frame as Uint8Array)).toEqual(update)
  })

  it('merges the updates of one turn into one frame that carries all of them', () => {
    const { turns, sent, coalescer } = setup()
    const alice = new Y.Doc()
    const bob = new Y.Doc()
    coalescer.add(edit(alice, 'a'), 'alice')
    coalescer.add(edit(bob, 'b'), 'bob')
    coalescer.add(edit(alice, 'c'), 'alice')
    turns.endTurn()
    expect(sent).toHaveLength(1)
    // Several senders: everyone gets the frame; re-applying one's own change is a no-op.
    expect(sent[0]?.except).toBeUndefined()
    const receiver = new Y.Doc()
    Y.applyUpdate(receiver, updateOf(sent[0]?.frame as Uint8Array))
    const expected = new Y.Doc()
    Y.applyUpdate(expected, Y.encodeStateAsUpdate(alice))
    Y.applyUpdate(expected, Y.encodeStateAsUpdate(bob))
    expect(receiver.getText('t').toString()).toBe(expected.getText('t').toString())
    expect(receiver.getText('t').length).toBe(3)
  })

  it('keeps skipping the sender when every update of the turn is its own', () => {
    const { turns, sent, coalescer } = setup()
    const alice = new Y.Doc()
    coalescer.add(edit(alice, 'a'), 'alice')
    coalescer.add(edit(alice, 'b'), 'alice')
    turns.endTurn()
    expect(sent).toHaveLength(1)
    expect(sent[0]?.except).toBe('alice')
  })

  it('flush sends at once and leaves nothing for the end of the turn', () => {
    const { turns, sent, coalescer } = setup()
    coalescer.add(edit(new Y.Doc(), 'a'), undefined)
    coalescer.flush()
    expect(sent).toHaveLength(1)
    expect(turns.pending).toBe(false)
    coalescer.flush()
    turns.endTurn()
    expect(sent).toHaveLength(1)
  })

  it('starts a fresh batch after a flush', () => {
    const { turns, sent, coalescer } = setup()
    coalescer.add(edit(new Y.Doc(), 'a'), 'alice')
    turns.endTurn()
    coalescer.add(edit(new Y.Doc(), 'b'), 'bob')
    turns.endTurn()
    expect(sent.map((s) => s.except)).toEqual(['alice', 'bob'])
  })

  it('cancel drops what is queued', () => {
    const { turns, sent, coalescer } = setup()
    coalescer.add(edit(new Y.Doc(), 'a'), 'alice')
    coalescer.cancel()
    turns.endTurn()
    coalescer.flush()
    expect(sent).toHaveLength(0)
  })

  it('encodes a frame as a y-websocket sync update', () => {
    const { turns, sent, coalescer } = setup()
    coalescer.add(edit(new Y.Doc(), 'a'), 'alice')
    turns.endTurn()
    const decoder = decoding.createDecoder(sent[0]?.frame as Uint8Array)
    expect(decoding.readVarUint(decoder)).toBe(0)
    expect(decoding.readVarUint(decoder)).toBe(2)
  })
})
