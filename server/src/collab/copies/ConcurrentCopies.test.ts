import { BODY_FRAGMENT } from '@accord/schema'
import type { MarkType } from '@tiptap/pm/model'
import type { Transaction } from '@tiptap/pm/state'
import { afterEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { editAs, makeListItem, plainText, posOf, writeBody } from '../../../test/utils/editAs.js'
import type { Connection } from '../Connection.js'
import { PEER_ORIGIN, type TransactionOrigin } from '../TransactionOrigin.js'
import { ConcurrentCopies } from './ConcurrentCopies.js'

const REMOVE_ORIGIN: TransactionOrigin = { kind: 'restore' }
/** A change this instance's own client sent. */
const FROM_CLIENT: TransactionOrigin = { kind: 'connection', connection: {} as Connection }

const paragraphs = (...texts: string[]) => ({
  type: 'doc',
  content: texts.map((text) => ({
    type: 'paragraph',
    content: text ? [{ type: 'text', text }] : [],
  })),
})

const trackers: ConcurrentCopies[] = []
afterEach(() => {
  for (const t of trackers.splice(0)) t.destroy()
})

/** A server document and two people's copies of it, all in step. */
const threeDocs = (...texts: string[]) => {
  const server = new Y.Doc()
  // Typed from the start, as the room does.
  server.getXmlFragment(BODY_FRAGMENT)
  const copies = new ConcurrentCopies(server)
  trackers.push(copies)
  const seed = new Y.Doc()
  writeBody(seed, paragraphs(...texts))
  Y.applyUpdate(server, Y.encodeStateAsUpdate(seed), PEER_ORIGIN)
  const anna = new Y.Doc()
  const boris = new Y.Doc()
  for (const doc of [anna, boris]) Y.applyUpdate(doc, Y.encodeStateAsUpdate(server))
  return { server, copies, anna, boris }
}

/** `doc`'s change made by `edit`, as the update its provider would send. */
const changeOf = (doc: Y.Doc, edit: (tr: Transaction) => void): Uint8Array => {
  const before = Y.encodeStateVector(doc)
  editAs(doc, edit)
  return Y.encodeStateAsUpdate(doc, before)
}

const blocks = (doc: Y.Doc) => plainText(doc).split('\n')

/** `from`'s change, made by `edit`, received by `server` with `origin`. */
const send = (
  server: Y.Doc,
  from: Y.Doc,
  edit: (tr: Transaction) => void,
  origin: TransactionOrigin = FROM_CLIENT,
) => Y.applyUpdate(server, changeOf(from, edit), origin)

/** Joining "Конец." to the paragraph before it. */
const joinEnd = (tr: Transaction) => tr.join(posOf(tr.doc, 'Конец.') - 1)

describe('ConcurrentCopies', () => {
  it('removes the second copy when two people make the same paragraph a list item at once', () => {
    const { server, copies, anna, boris } = threeDocs('Преамбула.', 'анло', 'Конец.')
    const fromAnna = changeOf(anna, makeListItem('анло'))
    const fromBoris = changeOf(boris, makeListItem('анло'))
    Y.applyUpdate(server, fromAnna, PEER_ORIGIN)
    Y.applyUpdate(server, fromBoris, PEER_ORIGIN)
    expect(blocks(server)).toEqual(['Преамбула.', 'анло', 'анло', 'Конец.'])

    expect(copies.repair(REMOVE_ORIGIN)).toBe(1)
    expect(blocks(server)).toEqual(['Преамбула.', 'анло', 'Конец.'])
    expect(server.getXmlFragment(BODY_FRAGMENT).toString()).toContain('<bulletlist>')
    // Both people end with the same single list item, whatever order the changes reach them.
    Y.applyUpdate(anna, Y.encodeStateAsUpdate(server))
    Y.applyUpdate(boris, Y.encodeStateAsUpdate(server))
    expect(blocks(anna)).toEqual(['Преамбула.', 'анло', 'Конец.'])
    expect(blocks(boris)).toEqual(blocks(anna))
    expect(copies.repair(REMOVE_ORIGIN)).toBe(0)
  })

  it('keeps the copy of the lower client id, whichever arrives first', () => {
    const kept: number[] = []
    for (const order of ['anna first', 'boris first']) {
      const { server, copies, anna, boris } = threeDocs('Один.', 'два')
      const updates = [changeOf(anna, makeListItem('два')), changeOf(boris, makeListItem('два'))]
      if (order === 'boris first') updates.reverse()
      for (const update of updates) Y.applyUpdate(server, update, PEER_ORIGIN)
      copies.repair(REMOVE_ORIGIN)
      const list = server.getXmlFragment(BODY_FRAGMENT).get(1) as Y.XmlElement
      kept.push((list._item as Y.Item).id.client)
      expect(kept.at(-1)).toBe(Math.min(anna.clientID, boris.clientID))
    }
  })

  it('moves what was typed in the copy to go since it arrived into the kept one', () => {
    const { server, copies, anna, boris } = threeDocs('Один.', 'два', 'три')
    // Boris's copy is the one to go (the higher client id); he typed in it before Anna's came.
    boris.clientID = anna.clientID + 1
    Y.applyUpdate(server, changeOf(boris, makeListItem('два')), PEER_ORIGIN)
    const typeAt = (offset: number, key: string) => (tr: Transaction) =>
      tr.insertText(key, posOf(tr.doc, 'два') + offset)
    Y.applyUpdate(server, changeOf(boris, typeAt(2, ' и')), PEER_ORIGIN)
    Y.applyUpdate(server, changeOf(anna, makeListItem('два')), PEER_ORIGIN)
    expect(copies.repair(REMOVE_ORIGIN)).toBe(1)
    expect(blocks(server)).toEqual(['Один.', 'дв иа', 'три'])

    // Bold typing (or a suggestion's marks) would go plain: both copies stay.
    const bold = threeDocs('Один.', 'два', 'три')
    bold.boris.clientID = bold.anna.clientID + 1
    Y.applyUpdate(bold.server, changeOf(bold.boris, makeListItem('два')), PEER_ORIGIN)
    Y.applyUpdate(
      bold.server,
      changeOf(bold.boris, (tr) =>
        tr.insert(
          posOf(tr.doc, 'два') + 2,
          tr.doc.type.schema.text(' и', [(tr.doc.type.schema.marks.bold as MarkType).create()]),
        ),
      ),
      PEER_ORIGIN,
    )
    Y.applyUpdate(bold.server, changeOf(bold.anna, makeListItem('два')), PEER_ORIGIN)
    expect(bold.copies.repair(REMOVE_ORIGIN)).toBe(0)

    // Typing at two places cannot be told apart from other changes: both copies stay.
    const other = threeDocs('Один.', 'два', 'три')
    other.boris.clientID = other.anna.clientID + 1
    Y.applyUpdate(other.server, changeOf(other.boris, makeListItem('два')), PEER_ORIGIN)
    Y.applyUpdate(other.server, changeOf(other.boris, typeAt(3, '!')), PEER_ORIGIN)
    Y.applyUpdate(other.server, changeOf(other.boris, typeAt(0, '¡')), PEER_ORIGIN)
    Y.applyUpdate(other.server, changeOf(other.anna, makeListItem('два')), PEER_ORIGIN)
    expect(other.copies.repair(REMOVE_ORIGIN)).toBe(0)
    expect(blocks(other.server).sort()).toEqual(['Один.', 'два', 'три', '¡два!'].sort())
  })

  it('removes the doubled tail when two people split a paragraph at the same place', () => {
    const { server, copies, anna, boris } = threeDocs('Первая часть. Вторая часть.')
    const split = (tr: Transaction) => tr.split(posOf(tr.doc, 'Вторая'))
    for (const update of [changeOf(anna, split), changeOf(boris, split)])
      Y.applyUpdate(server, update, PEER_ORIGIN)
    expect(blocks(server)).toEqual(['Первая часть. ', 'Вторая часть.', 'Вторая часть.'])
    copies.repair(REMOVE_ORIGIN)
    expect(blocks(server)).toEqual(['Первая часть. ', 'Вторая часть.'])
  })

  it('removes the doubled text when two people join the same paragraph to the one before', () => {
    for (const order of ['anna first', 'boris first']) {
      const { server, copies, anna, boris } = threeDocs('Преамбула.', 'анло', 'Конец.')
      const updates = [changeOf(anna, joinEnd), changeOf(boris, joinEnd)]
      if (order === 'boris first') updates.reverse()
      for (const update of updates) Y.applyUpdate(server, update, PEER_ORIGIN)
      expect(blocks(server)).toEqual(['Преамбула.', 'анлоКонец.Конец.'])
      expect(copies.repair(REMOVE_ORIGIN)).toBe(1)
      expect(blocks(server)).toEqual(['Преамбула.', 'анлоКонец.'])
    }
  })

  it('finds joined text again after Yjs merged it with the typing before it', () => {
    for (const [loser, first] of [
      ['anna', 'anna'],
      ['anna', 'boris'],
      ['boris', 'anna'],
      ['boris', 'boris'],
    ]) {
      const { server, copies, anna, boris } = threeDocs('Преамбула.', 'анло', 'Конец.')
      if (loser === 'boris') boris.clientID = anna.clientID + 1
      else anna.clientID = boris.clientID + 1
      const textOf = (doc: Y.Doc) =>
        (doc.getXmlFragment(BODY_FRAGMENT).get(1) as Y.XmlElement).get(0) as Y.XmlText
      /** A join as the binding writes it: the next block's text at the end, the block deleted. */
      const join = (doc: Y.Doc) => {
        const before = Y.encodeStateVector(doc)
        doc.transact(() => {
          textOf(doc).insert(textOf(doc).length, 'Конец.')
          doc.getXmlFragment(BODY_FRAGMENT).delete(2, 1)
        })
        return Y.encodeStateAsUpdate(doc, before)
      }
      // Boris types at the end, then joins: his join's text follows his key, and Yjs merges them.
      const before = Y.encodeStateVector(boris)
      textOf(boris).insert(4, '!')
      const typed = Y.encodeStateAsUpdate(boris, before)
      Y.applyUpdate(server, typed, PEER_ORIGIN)
      Y.applyUpdate(anna, typed)
      const joins = [join(anna), join(boris)]
      if (first === 'boris') joins.reverse()
      for (const update of joins) Y.applyUpdate(server, update, PEER_ORIGIN)
      expect(textOf(server).toString()).toBe('анло!Конец.Конец.')
      expect(copies.repair(REMOVE_ORIGIN)).toBe(1)
      expect(textOf(server).toString()).toBe('анло!Конец.')
    }
  })

  it('removes doubled joined text that holds bold, and leaves typing after a join alone', () => {
    const { server, copies, anna, boris } = threeDocs('Преамбула.', 'анло', '')
    const seed = (doc: Y.Doc) =>
      editAs(doc, (tr) => {
        const end = tr.doc.content.size - 1
        const { schema } = tr.doc.type
        tr.insert(end, [
          schema.text('Кон'),
          schema.text('ец', [(schema.marks.bold as MarkType).create()]),
          schema.text('.'),
        ])
      })
    seed(anna)
    Y.applyUpdate(server, Y.encodeStateAsUpdate(anna), PEER_ORIGIN)
    Y.applyUpdate(boris, Y.encodeStateAsUpdate(server))
    const join = (tr: Transaction) => tr.join(posOf(tr.doc, 'Кон') - 1)
    Y.applyUpdate(server, changeOf(anna, join), PEER_ORIGIN)
    // Someone types at the end meanwhile: one key, not a join's copy.
    const carol = new Y.Doc()
    Y.applyUpdate(carol, Y.encodeStateAsUpdate(server))
    Y.applyUpdate(
      server,
      changeOf(carol, (tr) => tr.insertText('!', tr.doc.content.size - 1)),
      PEER_ORIGIN,
    )
    Y.applyUpdate(server, changeOf(boris, join), PEER_ORIGIN)
    expect(copies.repair(REMOVE_ORIGIN)).toBe(1)
    expect(blocks(server)).toEqual(['Преамбула.', 'анлоКонец.!'])
    expect(server.getXmlFragment(BODY_FRAGMENT).toString()).toContain('<bold>ец</bold>')
  })

  it('puts a join into the list item made of its paragraph at once, whichever comes first', () => {
    for (const order of ['list first', 'join first']) {
      const { server, copies, anna, boris } = threeDocs('Преамбула.', 'анло', 'Конец.')
      const updates = [changeOf(anna, makeListItem('анло')), changeOf(boris, joinEnd)]
      if (order === 'join first') updates.reverse()
      for (const update of updates) Y.applyUpdate(server, update, FROM_CLIENT)
      // Yjs alone: the join's text went into the paragraph the list item replaced.
      expect(blocks(server)).toEqual(['Преамбула.', 'анло'])
      expect(copies.repair(REMOVE_ORIGIN)).toBe(1)
      expect(blocks(server)).toEqual(['Преамбула.', 'анлоКонец.'])
      expect(server.getXmlFragment(BODY_FRAGMENT).toString()).toContain('<bulletlist>')
      expect(copies.repair(REMOVE_ORIGIN)).toBe(0)
    }
  })

  it('takes a split tail out of the list item made of its paragraph at once, whichever comes first', () => {
    for (const order of ['list first', 'split first']) {
      const { server, copies, anna, boris } = threeDocs('Один.', 'Первая часть. Вторая часть.')
      const updates = [
        changeOf(anna, makeListItem('Первая')),
        changeOf(boris, (tr) => tr.split(posOf(tr.doc, 'Вторая'))),
      ]
      if (order === 'split first') updates.reverse()
      for (const update of updates) Y.applyUpdate(server, update, FROM_CLIENT)
      // Yjs alone: the list item still holds the tail the split moved out.
      expect(blocks(server)).toEqual(['Один.', 'Первая часть. Вторая часть.', 'Вторая часть.'])
      expect(copies.repair(REMOVE_ORIGIN)).toBe(1)
      expect(blocks(server)).toEqual(['Один.', 'Первая часть. ', 'Вторая часть.'])
      expect(server.getXmlFragment(BODY_FRAGMENT).toString()).toContain('<bulletlist>')
    }
  })

  it('leaves a join with formatting, and a suggested split, to the list item as Yjs has them', () => {
    const bold = (tr: Transaction) =>
      tr.addMark(
        posOf(tr.doc, 'Конец.'),
        posOf(tr.doc, 'Конец.') + 3,
        (tr.doc.type.schema.marks.bold as MarkType).create(),
      )
    const suggestedSplit = (tr: Transaction) => {
      const at = posOf(tr.doc, 'Вторая')
      tr.split(at)
      // The new paragraph, suggested for insertion by someone in review.
      tr.setNodeAttribute(at + 1, 'suggestion', { kind: 'insertion', id: 's1' })
    }
    for (const first of ['list', 'other']) {
      const joined = threeDocs('Один.', 'Первая часть. Вторая часть.', 'Конец.')
      send(joined.server, joined.boris, bold)
      Y.applyUpdate(joined.anna, Y.encodeStateAsUpdate(joined.server))
      const split = threeDocs('Один.', 'Первая часть. Вторая часть.')
      for (const [name, { server, copies, anna, boris }, edit] of [
        ['bold join', joined, (tr: Transaction) => tr.join(posOf(tr.doc, 'Кон') - 1)],
        ['suggested split', split, suggestedSplit],
      ] as const) {
        const updates = [changeOf(anna, makeListItem('Первая')), changeOf(boris, edit)]
        if (first === 'other') updates.reverse()
        for (const update of updates) Y.applyUpdate(server, update, FROM_CLIENT)
        expect(copies.repair(REMOVE_ORIGIN), `${name}, ${first} first`).toBe(0)
      }
    }
  })

  it('puts joined text back plain, not taking on the formatting at the end of the list item', () => {
    const { server, copies, anna, boris } = threeDocs('Преамбула.', 'анло', 'Конец.')
    send(server, anna, (tr) =>
      tr.addMark(
        posOf(tr.doc, 'анло'),
        posOf(tr.doc, 'анло') + 4,
        (tr.doc.type.schema.marks.bold as MarkType).create(),
      ),
    )
    Y.applyUpdate(boris, Y.encodeStateAsUpdate(server))
    send(server, anna, makeListItem('анло'))
    send(server, boris, joinEnd)
    expect(copies.repair(REMOVE_ORIGIN)).toBe(1)
    expect(server.getXmlFragment(BODY_FRAGMENT).toString()).toContain(
      '<paragraph><bold>анло</bold>Конец.</paragraph>',
    )
  })

  it('puts a join back after what was typed in the list item since, and only once', () => {
    const { server, copies, anna, boris } = threeDocs('Преамбула.', 'анло', 'Конец.')
    send(server, anna, makeListItem('анло'))
    send(server, anna, (tr) => tr.insertText('!', posOf(tr.doc, 'анло') + 4))
    send(server, boris, joinEnd)
    expect(copies.repair(REMOVE_ORIGIN)).toBe(1)
    expect(blocks(server)).toEqual(['Преамбула.', 'анлоКонец.!'])
  })

  it('leaves mending to the instance whose client joined or split, whichever came first', () => {
    const edits = {
      list: makeListItem('Первая'),
      join: joinEnd,
      split: (tr: Transaction) => tr.split(posOf(tr.doc, 'Вторая')),
    }
    for (const other of ['join', 'split'] as const) {
      for (const first of ['list', other]) {
        for (const joinerHere of [true, false]) {
          const { server, copies, anna, boris } = threeDocs(
            'Один.',
            'Первая часть. Вторая часть.',
            'Конец.',
          )
          const list = changeOf(anna, edits.list)
          const theirs = changeOf(boris, edits[other])
          const sends = [
            () => Y.applyUpdate(server, list, joinerHere ? PEER_ORIGIN : FROM_CLIENT),
            () => Y.applyUpdate(server, theirs, joinerHere ? FROM_CLIENT : PEER_ORIGIN),
          ]
          if (first !== 'list') sends.reverse()
          for (const send of sends) send()
          expect(copies.repair(REMOVE_ORIGIN), `${other}, ${first} first`).toBe(joinerHere ? 1 : 0)
        }
      }
    }
  })

  it('leaves two empty paragraphs two people added at one place', () => {
    const { server, copies, anna, boris } = threeDocs('Один.', 'Два.')
    const enter = (tr: Transaction) => tr.split(posOf(tr.doc, 'Один.') + 5)
    for (const update of [changeOf(anna, enter), changeOf(boris, enter)])
      Y.applyUpdate(server, update, PEER_ORIGIN)
    expect(copies.repair(REMOVE_ORIGIN)).toBe(0)
    expect(blocks(server)).toEqual(['Один.', '', '', 'Два.'])
  })

  it('leaves copies that differ, and two copies from one person', () => {
    const { server, copies, anna, boris } = threeDocs('Один.', 'два')
    const fromAnna = changeOf(anna, (tr) => {
      makeListItem('два')(tr)
      tr.insertText('!', posOf(tr.doc, 'два') + 3)
    })
    Y.applyUpdate(server, fromAnna, PEER_ORIGIN)
    Y.applyUpdate(server, changeOf(boris, makeListItem('два')), PEER_ORIGIN)
    expect(copies.repair(REMOVE_ORIGIN)).toBe(0)
    expect(blocks(server).sort()).toEqual(['Один.', 'два', 'два!'])

    const { server: other, copies: otherCopies, anna: alone } = threeDocs('Один.')
    const paste = (tr: Transaction) => {
      const end = tr.doc.content.size
      const schema = tr.doc.type.schema
      tr.insert(end, [
        schema.node('paragraph', null, schema.text('Два.')),
        schema.node('paragraph', null, schema.text('Два.')),
      ])
    }
    Y.applyUpdate(other, changeOf(alone, paste), PEER_ORIGIN)
    expect(otherCopies.repair(REMOVE_ORIGIN)).toBe(0)
  })

  it('forgets a copy after a minute', () => {
    vi.useFakeTimers()
    try {
      const { server, copies, anna, boris } = threeDocs('Преамбула.', 'анло', 'Конец.')
      send(server, anna, joinEnd, PEER_ORIGIN)
      vi.advanceTimersByTime(61_000)
      send(server, boris, joinEnd, PEER_ORIGIN)
      expect(copies.repair(REMOVE_ORIGIN)).toBe(0)
    } finally {
      vi.useRealTimers()
    }
  })

  it('ignores what it did not receive from a client or another instance', () => {
    const { server, copies, anna, boris } = threeDocs('Один.', 'два')
    Y.applyUpdate(server, changeOf(anna, makeListItem('два')), { kind: 'storage' })
    Y.applyUpdate(server, changeOf(boris, makeListItem('два')), { kind: 'storage' })
    expect(copies.repair(REMOVE_ORIGIN)).toBe(0)
  })
})
