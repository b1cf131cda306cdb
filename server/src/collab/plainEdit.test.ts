import { BLOCK_SUGGESTION_ATTR, BODY_FRAGMENT, SETTINGS_MAP } from '@accord/schema'
import * as prng from 'lib0/prng'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { LiveUpdates } from './LiveUpdates.js'
import { appliesAsSent, isPlainEdit } from './plainEdit.js'
import { ScratchCopy } from './ScratchCopy.js'
import { decodeClientUpdate, meetsNeeds, needsOf } from './updateNeeds.js'
import { checkUpdateRules } from './updateRules.js'

/** The live document as a room holds it: client 1's paragraph "hello world", both shared types typed. */
const liveDoc = (): Y.Doc => {
  const doc = new Y.Doc()
  doc.clientID = 1
  const paragraph = new Y.XmlElement('paragraph')
  paragraph.insert(0, [new Y.XmlText('hello world')])
  doc.getXmlFragment(BODY_FRAGMENT).insert(0, [paragraph])
  doc.getMap(SETTINGS_MAP)
  return doc
}

const firstText = (doc: Y.Doc): Y.XmlText =>
  (doc.getXmlFragment(BODY_FRAGMENT).get(0) as Y.XmlElement).get(0) as Y.XmlText

/** What client 2 sends after `edit` on its copy of the live document. */
const editBy = (edit: (doc: Y.Doc) => void): Uint8Array => {
  const base = liveDoc()
  const other = new Y.Doc()
  other.clientID = 2
  Y.applyUpdate(other, Y.encodeStateAsUpdate(base))
  edit(other)
  return Y.encodeStateAsUpdate(other, Y.encodeStateVector(base))
}

const plain = (doc: Y.Doc, update: Uint8Array, benchMap?: string) =>
  isPlainEdit(doc, update, decodeClientUpdate(update), benchMap)

const PLAIN_EDITS: Record<string, (doc: Y.Doc) => void> = {
  typing: (doc) => firstText(doc).insert(5, ', dear'),
  deleting: (doc) => firstText(doc).delete(0, 6),
  'typing then deleting part of it': (doc) => {
    firstText(doc).insert(11, '!!!')
    firstText(doc).delete(12, 1)
  },
  'a bold word': (doc) => firstText(doc).format(0, 5, { bold: true }),
  'a new paragraph with text (Enter)': (doc) => {
    const p = new Y.XmlElement('paragraph')
    p.insert(0, [new Y.XmlText('second')])
    doc.getXmlFragment(BODY_FRAGMENT).insert(1, [p])
  },
  'an element attribute': (doc) =>
    (doc.getXmlFragment(BODY_FRAGMENT).get(0) as Y.XmlElement).setAttribute('textAlign', 'left'),
  'a paragraph deleted whole': (doc) => doc.getXmlFragment(BODY_FRAGMENT).delete(0, 1),
  'a suggestion mark removed (accepting)': (doc) =>
    firstText(doc).format(0, 5, { insertion: null }),
}

const UNDECIDED_EDITS: Record<string, (doc: Y.Doc) => void> = {
  'a setting': (doc) => doc.getMap(SETTINGS_MAP).set('language', 'en'),
  'another shared type': (doc) => doc.getMap('elsewhere').set('x', 1),
  'a suggestion mark (its attribution is checked)': (doc) =>
    firstText(doc).insert(0, 'new ', {
      insertion: { id: 's1', authorId: 'u', authorName: 'U', at: new Date().toISOString() },
    }),
  'a block suggestion': (doc) =>
    (doc.getXmlFragment(BODY_FRAGMENT).get(0) as Y.XmlElement).setAttribute(
      BLOCK_SUGGESTION_ATTR,
      'x',
    ),
  'an unknown mark': (doc) => firstText(doc).format(0, 5, { blink: true }),
  'an unknown element': (doc) =>
    doc.getXmlFragment(BODY_FRAGMENT).insert(0, [new Y.XmlElement('script')]),
  'text straight in the body': (doc) =>
    doc.getXmlFragment(BODY_FRAGMENT).insert(0, [new Y.XmlText('x')]),
  'an embed in text': (doc) => firstText(doc).insertEmbed(0, { image: 'x' }),
  'a map in the body': (doc) => doc.getXmlFragment(BODY_FRAGMENT).insert(0, [new Y.Map() as never]),
}

/** What the trial path does with `update` on `doc`: refused (throws), or the attribution writes it found. */
const trial = (doc: Y.Doc, update: Uint8Array, benchMap?: string) => {
  const scratch = new ScratchCopy(doc, new LiveUpdates(doc))
  let writes = 0
  try {
    scratch.applyWhole(update, null, (t) => {
      writes = checkUpdateRules(t, true, benchMap).length
    })
    return { refused: false, writes }
  } catch {
    return { refused: true, writes }
  } finally {
    scratch.destroy()
  }
}

describe('isPlainEdit', () => {
  for (const [name, edit] of Object.entries(PLAIN_EDITS)) {
    it(`takes ${name} as plain, and the trial agrees`, () => {
      const update = editBy(edit)
      expect(plain(liveDoc(), update)).toBe(true)
      expect(trial(liveDoc(), update)).toEqual({ refused: false, writes: 0 })
    })
  }

  for (const [name, edit] of Object.entries(UNDECIDED_EDITS)) {
    it(`leaves ${name} to the trial`, () => {
      expect(plain(liveDoc(), editBy(edit))).toBe(false)
    })
  }

  it('leaves to the trial the update Yjs throws on halfway (hostileUpdate.test.ts)', () => {
    const base = Buffer.from(
      '0103010007010764656661756c7403097061726167726170680700010006040001010b68656c6c6f20776f726c6400',
      'hex',
    )
    const halfApplying = Buffer.from(
      '01040200c60104010504626f6c640474727565c4020501050358595ac60203010504626f6c64046e756c6c87010003097061726167726170680101010202',
      'hex',
    )
    const doc = new Y.Doc()
    Y.applyUpdate(doc, base)
    doc.getXmlFragment(BODY_FRAGMENT)
    expect(plain(doc, halfApplying)).toBe(false)
    expect(trial(doc, halfApplying).refused).toBe(true)
  })

  it('an edit building on structs the same update brings is plain; one pointing inside itself is not', () => {
    // Three keystrokes merged, each after the one before (origins inside the update).
    const base = liveDoc()
    const other = new Y.Doc()
    other.clientID = 2
    Y.applyUpdate(other, Y.encodeStateAsUpdate(base))
    const updates: Uint8Array[] = []
    other.on('update', (u: Uint8Array) => updates.push(u))
    for (const ch of 'abc') firstText(other).insert(2, ch)
    const merged = Y.mergeUpdates(updates)
    expect(plain(base, merged)).toBe(true)
    // The same text as one struct whose origin lies inside itself, as a forger could write it.
    const forged = new Y.Doc()
    forged.clientID = 3
    Y.applyUpdate(forged, Y.encodeStateAsUpdate(base))
    firstText(forged).insert(0, 'xyz')
    const update = Y.encodeStateAsUpdate(forged, Y.encodeStateVector(base))
    const decoded = decodeClientUpdate(update)
    const item = decoded.structs.find((s) => s instanceof Y.Item) as Y.Item
    item.origin = Y.createID(3, 1)
    expect(isPlainEdit(base, update, decoded)).toBe(false)
  })

  it('leaves to the trial an update naming one client in two places (Yjs would read only the last)', () => {
    const base = liveDoc()
    const client = new Y.Doc()
    client.clientID = 2
    Y.applyUpdate(client, Y.encodeStateAsUpdate(base))
    const typed = (text: string) => {
      const before = Y.encodeStateVector(client)
      firstText(client).insert(0, text)
      return Y.encodeStateAsUpdate(client, before)
    }
    const first = typed('a')
    const second = typed('b')
    // Each is one client's structs and an empty delete set: [1][structs][0].
    expect([first[0], first.at(-1), second[0], second.at(-1)]).toEqual([1, 0, 1, 0])
    const twice = new Uint8Array([2, ...first.slice(1, -1), ...second.slice(1, -1), 0])
    expect(Y.decodeUpdate(twice).structs).toHaveLength(2)
    expect(plain(base, twice)).toBe(false)
    expect(plain(base, Y.mergeUpdates([first, second]))).toBe(true)
  })

  it('the bench map (BENCH_MAP), when named, takes plain values directly; unnamed, the trial refuses it', () => {
    const live = () => {
      const doc = liveDoc()
      doc.getMap('bench-ts')
      return doc
    }
    // The harness's edit: text in the body and a sequence number in its map, in one transaction.
    const base = live()
    const client = new Y.Doc()
    client.clientID = 2
    Y.applyUpdate(client, Y.encodeStateAsUpdate(base))
    const edit = () => {
      const updates: Uint8Array[] = []
      const collect = (u: Uint8Array) => updates.push(u)
      client.on('update', collect)
      client.transact(() => {
        firstText(client).insert(0, 'k.1 ')
        client.getMap('bench-ts').set('k', updates.length + 1)
      })
      client.off('update', collect)
      return updates[0] as Uint8Array
    }
    const first = edit()
    expect(plain(base, first)).toBe(false)
    expect(trial(live(), first).refused).toBe(true)
    expect(plain(base, first, 'bench-ts')).toBe(true)
    expect(trial(live(), first, 'bench-ts')).toEqual({ refused: false, writes: 0 })
    // The next one overwrites the value: it deletes the map's previous entry.
    Y.applyUpdate(base, first)
    expect(plain(base, edit(), 'bench-ts')).toBe(true)
    // A type as a value is for the trial, which refuses it.
    const nested = editBy((doc) => doc.getMap('bench-ts').set('k', new Y.Map()))
    expect(plain(live(), nested, 'bench-ts')).toBe(false)
    expect(trial(live(), nested, 'bench-ts').refused).toBe(true)
  })

  it('whatever it takes as plain from 10,000 corrupted edits, the trial takes too, with the same result', () => {
    const gen = prng.create(7)
    const edits = Object.values(PLAIN_EDITS).map(editBy)
    let decided = 0
    let candidates = 0
    let refusedByTrial = 0
    for (let i = 0; i < 10_000; i++) {
      const corrupted = (edits[i % edits.length] as Uint8Array).slice()
      for (let k = prng.int32(gen, 1, 3); k > 0; k--) {
        corrupted[prng.int32(gen, 0, corrupted.length - 1)] = prng.int32(gen, 0, 255)
      }
      let decoded: ReturnType<typeof decodeClientUpdate>
      try {
        decoded = decodeClientUpdate(corrupted)
      } catch {
        continue
      }
      const live = liveDoc()
      if (!meetsNeeds(live, needsOf(decoded))) continue
      candidates++
      if (!isPlainEdit(live, corrupted, decoded)) {
        if (trial(liveDoc(), corrupted).refused) refusedByTrial++
        continue
      }
      decided++
      const viaTrial = liveDoc()
      expect(trial(viaTrial, corrupted), `seed 7, edit ${i}`).toEqual({
        refused: false,
        writes: 0,
      })
      Y.applyUpdate(live, corrupted)
      expect(Y.encodeStateAsUpdate(live)).toEqual(Y.encodeStateAsUpdate(viaTrial))
    }
    // The fuzz reaches both answers: plain edits, and ones left to the trial that it refuses.
    expect(decided).toBeGreaterThan(50)
    expect(candidates).toBeGreaterThan(decided)
    expect(refusedByTrial).toBeGreaterThan(0)
  }, 120_000)
})

describe('appliesAsSent', () => {
  it('holds for a plain edit of structs all new, not once the document holds some or a skip stands in', () => {
    const update = editBy((doc) => firstText(doc).insert(5, ', dear'))
    const live = liveDoc()
    expect(appliesAsSent(live, decodeClientUpdate(update))).toBe(true)
    Y.applyUpdate(live, update)
    // The same structs again, beside a new one: what Yjs integrates is less than the update holds.
    const again = Y.mergeUpdates([update, editBy((doc) => firstText(doc).insert(0, '!'))])
    expect(isPlainEdit(live, again, decodeClientUpdate(again))).toBe(true)
    expect(appliesAsSent(live, decodeClientUpdate(again))).toBe(false)
    // Two updates of one client with a gap between them merge around a skip.
    const other = new Y.Doc()
    other.clientID = 2
    Y.applyUpdate(other, Y.encodeStateAsUpdate(liveDoc()))
    const parts: Uint8Array[] = []
    other.on('update', (u: Uint8Array) => parts.push(u))
    for (const ch of 'abc') firstText(other).insert(0, ch)
    const gapped = Y.mergeUpdates([parts[0] as Uint8Array, parts[2] as Uint8Array])
    expect(decodeClientUpdate(gapped).structs.some((s) => s instanceof Y.Skip)).toBe(true)
    expect(appliesAsSent(liveDoc(), decodeClientUpdate(gapped))).toBe(false)
  })
})
