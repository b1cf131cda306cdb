import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { FullStateCache, isEmptyStateVector } from './FullStateCache.js'

const docWith = (text: string) => {
  const doc = new Y.Doc()
  doc.getText('t').insert(0, text)
  return doc
}

const textOf = (update: Uint8Array) => {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, update)
  return doc.getText('t').toString()
}

describe('FullStateCache', () => {
  it('encodes once and hands out the same bytes until the document changes', () => {
    const doc = docWith('hello')
    const cache = new FullStateCache(doc)
    const first = cache.get()
    expect(cache.get()).toBe(first)
    expect(textOf(first)).toBe('hello')
    doc.getText('t').insert(5, ' world')
    const second = cache.get()
    expect(second).not.toBe(first)
    expect(textOf(second)).toBe('hello world')
  })

  it('starts from the loaded state and drops it at the first change', () => {
    const doc = new Y.Doc()
    const stored = Y.encodeStateAsUpdate(docWith('stored'))
    Y.applyUpdate(doc, stored)
    const cache = new FullStateCache(doc, stored)
    expect(cache.get()).toBe(stored)
    doc.getText('t').insert(0, '!')
    expect(textOf(cache.get())).toBe('!stored')
  })

  it('stops following the document once destroyed', () => {
    const doc = docWith('a')
    const cache = new FullStateCache(doc)
    cache.destroy()
    doc.getText('t').insert(0, 'b')
    expect(textOf(cache.get())).toBe('ba')
  })

  it('recognizes the empty state vector of a fresh peer', () => {
    expect(isEmptyStateVector(Y.encodeStateVector(new Y.Doc()))).toBe(true)
    expect(isEmptyStateVector(Y.encodeStateVector(docWith('x')))).toBe(false)
  })
})
