import { BODY_FRAGMENT } from '@accord/schema'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { createLogger } from '../../logger.js'
import type { OpenSuggestions } from '../../store/OpenSuggestions.js'
import type { LiveDocument } from '../LiveDocuments.js'
import { OpenSuggestionsKeeper } from './OpenSuggestionsKeeper.js'

describe('OpenSuggestionsKeeper', () => {
  let saves: number[]
  let doc: Y.Doc
  /** A paragraph, as the editor writes one. */
  const type = () => {
    const paragraph = new Y.XmlElement('paragraph')
    paragraph.insert(0, [new Y.XmlText('a')])
    doc.getXmlFragment(BODY_FRAGMENT).insert(0, [paragraph])
  }

  beforeEach(() => {
    vi.useFakeTimers()
    saves = []
    doc = new Y.Doc()
    const store = {
      save: async () => {
        saves.push(Date.now())
      },
    } as unknown as OpenSuggestions
    new OpenSuggestionsKeeper(store, createLogger('silent'), 1000, 10_000).onRoomLoaded({
      id: 'd1',
      doc,
      // What a room tells its watchers: every update of the document.
      watchChanges: (watcher: () => void) => {
        doc.on('update', watcher)
        return () => doc.off('update', watcher)
      },
    } as unknown as LiveDocument)
  })
  afterEach(() => {
    doc.destroy()
    vi.useRealTimers()
  })

  it('saves once the text has been quiet a moment, once per quiet spell', async () => {
    const start = Date.now()
    type()
    await vi.advanceTimersByTimeAsync(500)
    type()
    await vi.advanceTimersByTimeAsync(999)
    expect(saves).toEqual([])
    await vi.advanceTimersByTimeAsync(1)
    expect(saves).toEqual([start + 1500])
    await vi.advanceTimersByTimeAsync(5000)
    expect(saves).toHaveLength(1)
  })

  it('saves every ten seconds, not every second, while typing goes on', async () => {
    const start = Date.now()
    for (let i = 0; i < 250; i++) {
      type()
      await vi.advanceTimersByTimeAsync(100)
    }
    expect(saves).toEqual([start + 10_000, start + 20_000])
  })

  it('saves an unsaved edit as the document unloads', async () => {
    type()
    doc.destroy()
    expect(saves).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(20_000)
    expect(saves).toHaveLength(1)
  })
})
