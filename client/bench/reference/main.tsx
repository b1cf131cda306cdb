/**
 * The bare reference page for `npm run bench:browser`: Tiptap StarterKit + Collaboration
 * only (same Tiptap version as the app), React, and a stock y-websocket provider. The server
 * URL and room come from the query string: `?ws=ws://127.0.0.1:1234&room=name`; `&tables=1`
 * adds Tiptap's table extensions, loaded on demand so the plain page's JavaScript is unchanged.
 */
import type { AnyExtension } from '@tiptap/core'
import Collaboration from '@tiptap/extension-collaboration'
import { EditorContent, useEditor } from '@tiptap/react'
import StarterKit from '@tiptap/starter-kit'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'

const params = new URLSearchParams(location.search)
const ydoc = new Y.Doc()
const provider = new WebsocketProvider(
  params.get('ws') ?? 'ws://127.0.0.1:1234',
  params.get('room') ?? 'bench',
  ydoc,
)
// Editable only once synced, as the app is: typing into an empty page would fork the document.
const synced = new Promise<void>((resolve) => provider.once('sync', () => resolve()))

const tableExtensions = async (): Promise<AnyExtension[]> => {
  if (!params.has('tables')) return []
  const { Table, TableCell, TableHeader, TableRow } = await import('@tiptap/extension-table')
  return [Table.configure({ resizable: false }), TableRow, TableHeader, TableCell]
}

const Page = ({ more }: { more: AnyExtension[] }) => {
  const editor = useEditor({
    editable: false,
    extensions: [
      StarterKit.configure({ undoRedo: false }),
      Collaboration.configure({ document: ydoc }),
      ...more,
    ],
    onCreate: ({ editor: created }) => {
      void synced.then(() => created.setEditable(true))
    },
  })
  return <EditorContent editor={editor} />
}

void tableExtensions().then((more) =>
  createRoot(document.getElementById('root') as HTMLElement).render(
    <StrictMode>
      <Page more={more} />
    </StrictMode>,
  ),
)
