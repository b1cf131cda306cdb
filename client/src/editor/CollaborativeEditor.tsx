import type { PresenceUser } from '@accord/protocol'
import { documentExtensions, type LocatedClause } from '@accord/schema'
import type { AnyExtension } from '@tiptap/core'
import Collaboration from '@tiptap/extension-collaboration'
import CollaborationCaret from '@tiptap/extension-collaboration-caret'
import { type Editor, EditorContent, useEditor } from '@tiptap/react'
import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { WebsocketProvider } from 'y-websocket'
import type * as Y from 'yjs'
import { ConfirmDialog } from '../ui/ConfirmDialog'
import { useAnnouncer } from '../ui/useAnnouncer'
import { AppendingPluginsOwnEditsOnly } from './AppendingPluginsOwnEditsOnly'
import { CaretAfterTypedText } from './CaretAfterTypedText'
import { CaretFollowsText } from './CaretFollowsText'
import { ClauseEditing } from './ClauseEditing'
import { ClauseNumbering, refreshNumbering } from './ClauseNumbering'
import { ClausePaste } from './ClausePaste'
import { clauseDeleteQuestion, type DeleteQuestion } from './clauseDeleteQuestion'
import { deleteClause } from './clauses/deleteClause'
import { EDITOR_ID } from './editorId'
import { LinkDetection } from './links/LinkDetection'
import { caretsMissing, othersAwareness } from './othersAwareness'
import { RemoteChangeKeepsNodes } from './RemoteChangeKeepsNodes'
import { ClauseReferenceLabels } from './references/ClauseReferenceLabels'
import { type PickableClause, pickableClauses, ReferencePicker } from './references/ReferencePicker'
import { renderCaret } from './renderCaret'
import { Toolbar } from './Toolbar'
import { TypingAtCaret } from './TypingAtCaret'
import { TableEditing } from './tables/TableEditing'

interface CollaborativeEditorProps {
  ydoc: Y.Doc
  provider: WebsocketProvider
  /** This person, as their caret appears to themselves (the server stamps it for others). */
  user: PresenceUser
  /** False shows the text read-only, without the toolbar. */
  editable: boolean
  /** Told the editor once it exists (and null when it goes), for panels that follow it. */
  onEditor?: (editor: Editor | null) => void
  /**
   * Makes the extensions of the features that work in the text (suggest mode, comment
   * highlights) for each new editor: the page brings them, so the editor knows no feature.
   */
  features: () => AnyExtension[]
  /** The text's element id (default EDITOR_ID, the skip link's target); two editors on a page need two. */
  id?: string
  /** The text's accessible name (default "Document text"), e.g. naming its language. */
  label?: string
}

/**
 * The document text, bound to the shared Y.Doc, with everyone's named carets and numbered clauses.
 * Memoized: the pages around it redraw often (the translator's alignment while people type),
 * and the editor itself follows its text, not its page.
 */
export const CollaborativeEditor = memo(function CollaborativeEditor({
  ydoc,
  provider,
  user,
  editable,
  onEditor,
  features,
  id = EDITOR_ID,
  label: ownLabel,
}: CollaborativeEditorProps) {
  const { t } = useTranslation()
  const label = ownLabel ?? t('editor.label')
  const attributes = useMemo(
    () => ({
      id,
      role: 'textbox',
      'aria-multiline': 'true',
      'aria-label': label,
      'aria-readonly': String(!editable),
      // Read-only text stays reachable by keyboard, for reading and for the skip link.
      tabindex: '0',
    }),
    [id, label, editable],
  )
  const [question, setQuestion] = useState<DeleteQuestion | null>(null)
  // The extensions are built once per document; these refs let them reach current state.
  const translate = useRef(t)
  const askToDelete = useRef<(clause: LocatedClause) => void>(() => {})
  const askToPick = useRef<() => void>(() => {})
  const [picking, setPicking] = useState<PickableClause[] | null>(null)
  const announce = useAnnouncer()
  // The editor, for its caret extension to read (it is built before the editor exists).
  const current = useRef<Editor | null>(null)

  const editor = useEditor(
    {
      extensions: [
        ...documentExtensions({ tableEditing: [TableEditing] }),
        LinkDetection,
        Collaboration.configure({ document: ydoc }),
        RemoteChangeKeepsNodes,
        AppendingPluginsOwnEditsOnly,
        CaretFollowsText,
        CaretAfterTypedText,
        TypingAtCaret,
        CollaborationCaret.configure({
          // The carets are redrawn when someone else's caret moves, not this tab's own.
          provider: {
            awareness: othersAwareness(provider.awareness, () =>
              caretsMissing(current.current?.state, provider.awareness),
            ),
          },
          user,
          render: renderCaret,
        }),
        ClauseNumbering.configure({
          ydoc,
          placeholder: (level) =>
            translate.current(
              level === 1 ? 'clauses.headingPlaceholder' : 'clauses.subheadingPlaceholder',
            ),
        }),
        ClauseEditing.configure({ onDeleteRequest: (clause) => askToDelete.current(clause) }),
        ClauseReferenceLabels.configure({
          missing: () => translate.current('references.missing'),
          onPickRequest: () => askToPick.current(),
        }),
        ClausePaste,
        ...features(),
      ],
      editable,
      editorProps: { attributes },
    },
    // The editor is bound to one Y.Doc; a new document means a new editor.
    [ydoc, provider],
  )

  useEffect(() => {
    current.current = editor
  }, [editor])

  // Each call updates the whole view (every plugin's view and decorations: 17 ms on a 1 MB
  // text as it opens), so only what changed since the editor was made is set.
  useEffect(() => {
    if (editor.options.editable !== editable) editor.setEditable(editable)
    if (editor.options.editorProps.attributes !== attributes) {
      editor.setOptions({ editorProps: { attributes } })
    }
  }, [editor, editable, attributes])

  const requestDelete = useCallback(
    (clause: LocatedClause) => setQuestion(clauseDeleteQuestion(editor.state, clause)),
    [editor],
  )
  useEffect(() => {
    askToDelete.current = requestDelete
  }, [requestDelete])

  const requestPick = useCallback(() => setPicking(pickableClauses(editor)), [editor])
  useEffect(() => {
    askToPick.current = requestPick
  }, [requestPick])

  const closePicker = () => {
    setPicking(null)
    editor.view.focus()
  }

  useEffect(() => {
    translate.current = t
    // The placeholders of empty headings are in the interface language (`t` changes with it).
    if (!editor.isDestroyed) editor.view.dispatch(refreshNumbering(editor.state))
  }, [editor, t])

  useEffect(() => {
    onEditor?.(editor)
    return () => onEditor?.(null)
  }, [editor, onEditor])

  const closeQuestion = () => {
    setQuestion(null)
    editor.view.focus()
  }

  return (
    <div className="editor">
      {editable && (
        <Toolbar editor={editor} onDeleteRequest={requestDelete} onReferenceRequest={requestPick} />
      )}
      <EditorContent editor={editor} className="editor-text" />
      <ConfirmDialog
        open={question !== null}
        title={t('clauses.deleteTitle', { label: question?.label ?? '' })}
        message={
          question?.heading
            ? t('clauses.deleteNamed', { heading: question.heading })
            : t('clauses.deleteUnnamed')
        }
        confirmLabel={t('clauses.deleteConfirm')}
        cancelLabel={t('common.cancel')}
        onConfirm={() => {
          if (question) deleteClause(question.id)(editor.state, editor.view.dispatch)
          closeQuestion()
        }}
        onCancel={closeQuestion}
      />
      <ReferencePicker
        clauses={picking}
        onPick={(clause) => {
          setPicking(null)
          if (editor.chain().focus().insertClauseReference(clause.id).run())
            announce(t('references.inserted', { label: clause.label }))
          else editor.view.focus()
        }}
        onCancel={closePicker}
      />
    </div>
  )
})
