import type { PresenceUser } from '@accord/protocol'
import { documentExtensions } from '@accord/schema'
import Collaboration from '@tiptap/extension-collaboration'
import CollaborationCaret from '@tiptap/extension-collaboration-caret'
import { EditorContent, useEditor } from '@tiptap/react'
import { useEffect, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { WebsocketProvider } from 'y-websocket'
import type * as Y from 'yjs'
import { EDITOR_ID } from './editorId'
import { renderCaret } from './renderCaret'
import { Toolbar } from './Toolbar'

interface CollaborativeEditorProps {
  ydoc: Y.Doc
  provider: WebsocketProvider
  /** This person, as their caret appears to themselves (the server stamps it for others). */
  user: PresenceUser
  /** False shows the text read-only, without the toolbar. */
  editable: boolean
}

/** The document text, bound to the shared Y.Doc, with everyone's named carets. */
export const CollaborativeEditor = ({
  ydoc,
  provider,
  user,
  editable,
}: CollaborativeEditorProps) => {
  const { t } = useTranslation()
  const label = t('editor.label')
  const attributes = useMemo(
    () => ({
      id: EDITOR_ID,
      role: 'textbox',
      'aria-multiline': 'true',
      'aria-label': label,
      'aria-readonly': String(!editable),
      // Read-only text stays reachable by keyboard, for reading and for the skip link.
      tabindex: '0',
    }),
    [label, editable],
  )

  const editor = useEditor(
    {
      extensions: [
        ...documentExtensions(),
        Collaboration.configure({ document: ydoc }),
        CollaborationCaret.configure({ provider, user, render: renderCaret }),
      ],
      editable,
      editorProps: { attributes },
    },
    // The editor is bound to one Y.Doc; a new document means a new editor.
    [ydoc, provider],
  )

  useEffect(() => {
    editor.setEditable(editable)
    editor.setOptions({ editorProps: { attributes } })
  }, [editor, editable, attributes])

  return (
    <div className="editor">
      {editable && <Toolbar editor={editor} />}
      <EditorContent editor={editor} className="editor-text" />
    </div>
  )
}
