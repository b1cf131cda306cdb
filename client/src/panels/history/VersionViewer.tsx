import { type DocumentSettings, documentExtensions, writeSettings } from '@accord/schema'
import type { JSONContent } from '@tiptap/core'
import { EditorContent, useEditor } from '@tiptap/react'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import * as Y from 'yjs'
import { ClauseNumbering } from '../../editor/ClauseNumbering'
import { ClauseReferenceLabels } from '../../editor/references/ClauseReferenceLabels'

/**
 * A version shown read-only, rendered by the same schema, clause numbering and reference
 * labels as the live editor, with the version's own language and label style.
 */
export const VersionViewer = ({
  content,
  settings,
}: {
  content: JSONContent
  settings: DocumentSettings
}) => {
  const { t } = useTranslation()
  // The numbering reads settings from a Y.Doc; this one holds only the version's settings.
  const settingsDoc = useMemo(() => {
    const doc = new Y.Doc()
    writeSettings(doc, settings)
    return doc
  }, [settings])
  const editor = useEditor(
    {
      extensions: [
        ...documentExtensions(),
        ClauseNumbering.configure({ ydoc: settingsDoc }),
        ClauseReferenceLabels.configure({ missing: () => t('references.missing') }),
      ],
      content,
      editable: false,
      editorProps: {
        attributes: { 'aria-label': t('history.versionText'), 'aria-readonly': 'true' },
      },
    },
    [content, settingsDoc],
  )
  return <EditorContent editor={editor} className="editor-text version-text" />
}
