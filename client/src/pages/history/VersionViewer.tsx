import { documentExtensions } from '@accord/schema'
import type { JSONContent } from '@tiptap/core'
import { EditorContent, useEditor } from '@tiptap/react'
import { useTranslation } from 'react-i18next'

/** A version shown read-only, rendered by the same schema as the live editor. */
export const VersionViewer = ({ content }: { content: JSONContent }) => {
  const { t } = useTranslation()
  const editor = useEditor(
    {
      extensions: documentExtensions(),
      content,
      editable: false,
      editorProps: {
        attributes: { 'aria-label': t('history.versionText'), 'aria-readonly': 'true' },
      },
    },
    [content],
  )
  return <EditorContent editor={editor} className="editor-text version-text" />
}
