import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { observeSettings, readSettings, SETTINGS_MAP, writeSettings } from './documentSettings.js'
import { jsonToUpdate } from './fragment.js'

describe('document settings', () => {
  it('default to Russian and articles', () => {
    expect(readSettings(new Y.Doc())).toEqual({ language: 'ru', clauseLabel: 'article' })
  })

  it('ignore values they do not know', () => {
    const ydoc = new Y.Doc()
    ydoc.getMap(SETTINGS_MAP).set('language', 'fr')
    ydoc.getMap(SETTINGS_MAP).set('clauseLabel', 42)
    expect(readSettings(ydoc)).toEqual({ language: 'ru', clauseLabel: 'article' })
  })

  it('travel to other replicas and tell observers', () => {
    const a = new Y.Doc()
    const b = new Y.Doc()
    a.on('update', (update: Uint8Array) => Y.applyUpdate(b, update))
    const seen: unknown[] = []
    const stop = observeSettings(b, (settings) => seen.push(settings))
    writeSettings(a, { language: 'en', clauseLabel: 'section' })
    expect(readSettings(b)).toEqual({ language: 'en', clauseLabel: 'section' })
    expect(seen).toEqual([{ language: 'en', clauseLabel: 'section' }])
    stop()
    writeSettings(a, { clauseLabel: 'numeric' })
    expect(seen).toHaveLength(1)
  })

  it('can be part of a new document’s first update', () => {
    const ydoc = new Y.Doc()
    Y.applyUpdate(
      ydoc,
      jsonToUpdate({ type: 'doc', content: [{ type: 'paragraph' }] }, { language: 'en' }),
    )
    expect(readSettings(ydoc)).toEqual({ language: 'en', clauseLabel: 'article' })
  })
})
