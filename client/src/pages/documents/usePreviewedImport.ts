import { type RefObject, useRef, useState } from 'react'
import { useLocation } from 'wouter'
import { type Action, useAction } from '../../app/useAction'

/** What the import file choosers offer (the server decides by content, not by this list). */
export const IMPORT_ACCEPT = '.docx,.docm,.odt,.md,.markdown,.html,.htm'

export interface PreviewedImport<Chosen extends { file: File }, Preview> {
  /** The form's file input, emptied and focused again by `reset`. */
  input: RefObject<HTMLInputElement | null>
  /** What was last chosen to be read, or null. */
  chosen: Chosen | null
  /** The server's reading of `chosen`, or null until it is in. */
  preview: Preview | null
  reading: Action
  importing: Action
  /** Reads `next` without creating anything and shows what the import would make of it. */
  read: (next: Chosen) => void
  /** Imports the chosen file through `create`, then opens the new document. */
  confirm: (create: (chosen: Chosen) => Promise<{ document: { id: string } }>) => void
  /** Forgets the file and its preview, back to choosing one. */
  reset: () => void
}

/**
 * The flow both import forms share: the chosen file is read by the server without creating
 * anything (`readPreview`), the preview is shown, and only a confirmation imports it and
 * opens the new document. Each form keeps its own fields and its own preview.
 */
export const usePreviewedImport = <Chosen extends { file: File }, Preview>(
  readPreview: (chosen: Chosen) => Promise<Preview>,
): PreviewedImport<Chosen, Preview> => {
  const [, navigate] = useLocation()
  const input = useRef<HTMLInputElement>(null)
  const reading = useAction()
  const importing = useAction()
  const [chosen, setChosen] = useState<Chosen | null>(null)
  const [preview, setPreview] = useState<Preview | null>(null)

  const read = (next: Chosen) => {
    setChosen(next)
    setPreview(null)
    void reading.run(async () => setPreview(await readPreview(next)))
  }

  const confirm = (create: (chosen: Chosen) => Promise<{ document: { id: string } }>) => {
    if (!chosen) return
    void importing.run(async () => {
      const { document } = await create(chosen)
      navigate(`/documents/${encodeURIComponent(document.id)}`)
    })
  }

  const reset = () => {
    setChosen(null)
    setPreview(null)
    if (input.current) input.current.value = ''
    input.current?.focus()
  }

  return { input, chosen, preview, reading, importing, read, confirm, reset }
}
