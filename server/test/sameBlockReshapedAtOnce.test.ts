import { BODY_FRAGMENT } from '@accord/schema'
import type { Transaction } from '@tiptap/pm/state'
import { describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { editAs, makeListItem, plainText, posOf, writeBody } from './utils/editAs.js'
import type { TestClient } from './utils/newTestClient.js'
import { useTestServer } from './utils/useTestServer.js'

const paragraphs = (...texts: string[]) => ({
  type: 'doc',
  content: texts.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
})

const blocks = (client: TestClient) => plainText(client.doc).split('\n')

/**
 * Two people re-shape the same paragraph before either sees the other's change (here: one
 * of them is offline for the moment). The editor writes each as "delete the paragraph,
 * insert a copy", so without the server both copies would stay.
 */
describe('one paragraph re-shaped by two people at once', () => {
  const t = useTestServer()

  const setUp = async (...texts: string[]) => {
    const { docId, a, b } = await t.twoMembersInOneDocument()
    writeBody(a.doc, paragraphs(...texts))
    await vi.waitFor(() => expect(blocks(b)).toEqual(texts))
    return { docId, a, b }
  }

  /** Anna's and Boris's edits (the same, or one each), Boris offline while both make them; then he comes back. */
  const atOnce = async (
    a: TestClient,
    b: TestClient,
    edit: ((tr: Transaction) => void) | [(tr: Transaction) => void, (tr: Transaction) => void],
    expected: string[],
  ) => {
    const [ofA, ofB] = Array.isArray(edit) ? edit : [edit, edit]
    b.provider.disconnect()
    editAs(a.doc, ofA)
    editAs(b.doc, ofB)
    b.provider.connect()
    // Each has the other's edit: until then either alone looks right.
    await vi.waitFor(() => {
      expect(Y.getState(a.doc.store, b.doc.clientID)).toBe(Y.getState(b.doc.store, b.doc.clientID))
      expect(Y.getState(b.doc.store, a.doc.clientID)).toBe(Y.getState(a.doc.store, a.doc.clientID))
    })
    for (const client of [a, b]) await vi.waitFor(() => expect(blocks(client)).toEqual(expected))
  }

  it('both make it a list item: one list item stays, for everyone and in storage', async () => {
    const { docId, a, b } = await setUp('Преамбула.', 'анло', 'Конец.')
    await atOnce(a, b, makeListItem('анло'), ['Преамбула.', 'анло', 'Конец.'])
    expect(a.doc.getXmlFragment(BODY_FRAGMENT).toString()).toContain('<bulletlist>')

    const carol = await t.newUser('member', 'Carol')
    await t.restart()
    const late = t.client(docId, carol.cookie)
    await late.synced()
    await vi.waitFor(() => expect(blocks(late)).toEqual(['Преамбула.', 'анло', 'Конец.']))
  })

  it('both split it at the same place: the tail is there once', async () => {
    const { a, b } = await setUp('Первая часть. Вторая часть.')
    await atOnce(a, b, (tr) => tr.split(posOf(tr.doc, 'Вторая')), [
      'Первая часть. ',
      'Вторая часть.',
    ])
  })

  it('both join the next paragraph to it: the joined text is there once', async () => {
    const { a, b } = await setUp('Преамбула.', 'анло', 'Конец.')
    await atOnce(a, b, (tr) => tr.join(posOf(tr.doc, 'Конец.') - 1), ['Преамбула.', 'анлоКонец.'])
  })

  const AGAINST_A_LIST_ITEM = [
    {
      name: 'joins the next one to it: the joined text stays',
      texts: ['Преамбула.', 'анло', 'Конец.'],
      edit: (tr: Transaction) => tr.join(posOf(tr.doc, 'Конец.') - 1),
      expected: ['Преамбула.', 'анлоКонец.'],
    },
    {
      name: 'splits it: the tail is there once',
      texts: ['Преамбула.', 'анло и далее'],
      edit: (tr: Transaction) => tr.split(posOf(tr.doc, ' и далее')),
      expected: ['Преамбула.', 'анло', ' и далее'],
    },
  ]
  for (const { name, texts, edit, expected } of AGAINST_A_LIST_ITEM) {
    it(`one makes it a list item, the other ${name}`, async () => {
      for (const first of ['list item', 'other']) {
        const { docId, a, b } = await setUp(...texts)
        const listItem = makeListItem('анло')
        // The one online reaches the server first.
        await atOnce(a, b, first === 'list item' ? [listItem, edit] : [edit, listItem], expected)
        expect(a.doc.getXmlFragment(BODY_FRAGMENT).toString()).toContain('<bulletlist>')
        await t.restart()
        const late = t.client(docId, (await t.newUser('member')).cookie)
        await late.synced()
        await vi.waitFor(() => expect(blocks(late)).toEqual(expected))
      }
    })
  }

  it('both press Enter at the end of it: two new paragraphs stay', async () => {
    const { a, b } = await setUp('Один.', 'Два.')
    await atOnce(a, b, (tr) => tr.split(posOf(tr.doc, 'Один.') + 5), ['Один.', '', '', 'Два.'])
  })
})
