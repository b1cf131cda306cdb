import { type DocumentSettings, observeSettings, readSettings } from '@accord/schema'
import { useEffect, useState } from 'react'
import type * as Y from 'yjs'

/** The document's settings from its Y.Doc, kept current as anyone changes them. */
export const useDocumentSettings = (ydoc: Y.Doc): DocumentSettings => {
  const [settings, setSettings] = useState(() => readSettings(ydoc))
  useEffect(() => {
    setSettings(readSettings(ydoc))
    return observeSettings(ydoc, setSettings)
  }, [ydoc])
  return settings
}
