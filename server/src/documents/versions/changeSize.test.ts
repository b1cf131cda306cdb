import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { changeSize } from './changeSize.js'

describe('changeSize', () => {
  it('counts characters typed and deleted since the earlier snapshot, by any client', () => {
    const doc = new Y.Doc({ gc: false })
    const text = doc.getText('t')
    text.insert(0, 'Hello world')
    const before = Y.snapshot(doc)
    text.delete(0, 6)
    const other = new Y.Doc({ gc: false })
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc))
    other.getText('t').insert(0, 'Dear ')
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other))
    // 6 deleted by the first client, 5 typed by the second.
    expect(changeSize(before, Y.snapshot(doc))).toBe(11)
    expect(changeSize(Y.snapshot(doc), Y.snapshot(doc))).toBe(0)
  })
})
