import type { ImportOutlineEntry, ImportPreview } from '@accord/protocol'
import { type DragEvent, type FormEvent, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { api } from '../../app/api'
import { useAction } from '../../app/useAction'
import { Field } from '../../ui/Field'
import { FormMessage } from '../../ui/FormMessage'
import { ImportReportSummary } from './ImportReportSummary'

/** What the file chooser offers (the server decides by content, not by this list). */
const ACCEPT = '.docx,.docm,.odt,.md,.markdown,.html,.htm'

const Outline = ({ entries }: { entries: ImportOutlineEntry[] }) => (
  <ol className="import-outline">
    {entries.map((entry) => (
      <li key={entry.id}>
        <span className="import-outline-number">{entry.number}.</span> {entry.heading}
        {entry.children && <Outline entries={entry.children} />}
      </li>
    ))}
  </ol>
)

/**
 * "New from file": a file is chosen or dropped, the server reads it without creating
 * anything (`?dryRun=1`) and the preview shows the outline, the counts and what is not kept;
 * then the person confirms and the new document opens.
 */
export const ImportDocumentForm = () => {
  const { t } = useTranslation()
  const headingId = useId()
  const inputId = useId()
  const navigate = useNavigate()
  const input = useRef<HTMLInputElement>(null)
  const reading = useAction()
  const importing = useAction()
  const [file, setFile] = useState<File | null>(null)
  const [preview, setPreview] = useState<ImportPreview | null>(null)
  const [dragging, setDragging] = useState(false)

  const choose = (chosen: File | undefined) => {
    if (!chosen) return
    setFile(chosen)
    setPreview(null)
    void reading.run(async () => setPreview(await api.previewImport(chosen)))
  }

  const reset = () => {
    setFile(null)
    setPreview(null)
    if (input.current) input.current.value = ''
    input.current?.focus()
  }

  const drop = (event: DragEvent<HTMLElement>) => {
    event.preventDefault()
    setDragging(false)
    choose(event.dataTransfer.files[0])
  }

  const confirm = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (!file) return
    const title = String(new FormData(event.currentTarget).get('title') ?? '').trim()
    void importing.run(async () => {
      const { document } = await api.importDocument(file, title || undefined)
      navigate(`/documents/${encodeURIComponent(document.id)}`)
    })
  }

  return (
    <section
      aria-labelledby={headingId}
      className={`card import-document${dragging ? ' dragging' : ''}`}
      onDragOver={(event) => {
        event.preventDefault()
        setDragging(true)
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={drop}
      data-testid="import-drop-zone"
    >
      <h2 id={headingId}>{t('import.heading')}</h2>
      <p className="hint">{t('import.hint')}</p>
      <label htmlFor={inputId} className="import-drop">
        {t('import.drop')}
      </label>
      <input
        id={inputId}
        ref={input}
        type="file"
        accept={ACCEPT}
        onChange={(event) => choose(event.currentTarget.files?.[0])}
      />
      <p role="status" className="form-success">
        {file && reading.busy ? t('import.reading', { name: file.name }) : ''}
      </p>
      <FormMessage error={reading.error} />
      {file && preview && (
        <form
          onSubmit={confirm}
          className="import-preview"
          aria-label={t('import.previewHeading', { name: file.name })}
        >
          <h3>{t('import.previewHeading', { name: file.name })}</h3>
          <ImportReportSummary report={preview.report} />
          {preview.outline.length > 0 ? (
            <>
              <h4>{t('import.outline')}</h4>
              <Outline entries={preview.outline} />
            </>
          ) : (
            <p>{t('import.noClauses')}</p>
          )}
          <Field label={t('import.titleLabel')} name="title" maxLength={200} />
          <div className="form-actions">
            <button type="submit" disabled={importing.busy}>
              {t('import.confirm')}
            </button>
            <button type="button" className="secondary" onClick={reset}>
              {t('import.cancel')}
            </button>
          </div>
          <FormMessage error={importing.error} />
        </form>
      )}
    </section>
  )
}
