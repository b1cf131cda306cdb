import type { ImportOutlineEntry, ImportPreview } from '@accord/protocol'
import { type DragEvent, type FormEvent, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { api } from '../../app/api'
import { Field } from '../../ui/Field'
import { FormMessage } from '../../ui/FormMessage'
import { ImportReportSummary } from './ImportReportSummary'
import { IMPORT_ACCEPT, usePreviewedImport } from './usePreviewedImport'

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
  const { input, chosen, preview, reading, importing, read, confirm, reset } = usePreviewedImport(
    ({ file }: { file: File }): Promise<ImportPreview> => api.previewImport(file),
  )
  const [dragging, setDragging] = useState(false)

  const choose = (next: File | undefined) => {
    if (next) read({ file: next })
  }

  const drop = (event: DragEvent<HTMLElement>) => {
    event.preventDefault()
    setDragging(false)
    choose(event.dataTransfer.files[0])
  }

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const title = String(new FormData(event.currentTarget).get('title') ?? '').trim()
    confirm(({ file }) => api.importDocument(file, title || undefined))
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
        accept={IMPORT_ACCEPT}
        onChange={(event) => choose(event.currentTarget.files?.[0])}
      />
      <p role="status" className="form-success">
        {chosen && reading.busy ? t('import.reading', { name: chosen.file.name }) : ''}
      </p>
      <FormMessage error={reading.error} />
      {chosen && preview && (
        <form
          onSubmit={submit}
          className="import-preview"
          aria-label={t('import.previewHeading', { name: chosen.file.name })}
        >
          <h3>{t('import.previewHeading', { name: chosen.file.name })}</h3>
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
