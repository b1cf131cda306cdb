import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  observeSettings,
  readSettings,
  SETTINGS_MAP,
  settingsOfState,
  settingsUpdate,
  writeSettings,
  writeSettingsOfState,
} from './documentSettings.js'
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

  it('travel as an update of their own, and are read back from an encoded state', () => {
    const update = settingsUpdate({ language: 'en' })
    expect(settingsOfState(update)).toEqual({ language: 'en', clauseLabel: 'article' })
    const ydoc = new Y.Doc()
    Y.applyUpdate(ydoc, update)
    expect(readSettings(ydoc).language).toBe('en')
  })

  it('a state’s settings are written over a document, leaving alone what it never set', () => {
    const version = new Y.Doc()
    version.getMap(SETTINGS_MAP).set('language', 'en')
    version.getMap(SETTINGS_MAP).set('unknownKey', 'x')
    const live = new Y.Doc()
    writeSettings(live, { language: 'ru', clauseLabel: 'section' })
    writeSettingsOfState(live, Y.encodeStateAsUpdate(version))
    expect(readSettings(live)).toEqual({ language: 'en', clauseLabel: 'section' })
    expect(live.getMap(SETTINGS_MAP).has('unknownKey')).toBe(false)
  })
})
