import {
  type DocumentLanguage,
  documentLanguageInfo,
  type ImportTranslationPreview,
  type UnmatchedClause,
} from '@accord/protocol'
import { type FormEvent, useId } from 'react'
import { useTranslation } from 'react-i18next'
import { api } from '../app/api'
import { ImportReportSummary } from '../pages/documents/ImportReportSummary'
import { IMPORT_ACCEPT, usePreviewedImport } from '../pages/documents/usePreviewedImport'
import { FormMessage } from '../ui/FormMessage'
import { LanguageSelect } from './LanguageSelect'

const Clauses = ({ clauses }: { clauses: readonly UnmatchedClause[] }) => (
  <ul>
    {clauses.map((clause) => (
      <li key={clause.number}>
        <span className="import-outline-number">{clause.number}.</span> {clause.heading}
      </li>
    ))}
  </ul>
)

interface ImportLanguageFormProps {
  sourceId: string
  /** The languages that have no version yet. */
  free: readonly DocumentLanguage[]
}

/**
 * "Import a translation": a file (a translation done outside Accord) comes in as a new
 * language version of the source. The server reads it without creating anything first, and
 * the preview says how its clauses meet the source's (matched by place; those that found no
 * partner are listed); then the coordinator confirms and the new version opens.
 */
export const ImportLanguageForm = ({ sourceId, free }: ImportLanguageFormProps) => {
  const { t } = useTranslation()
  const headingId = useId()
  const fileId = useId()
  const { input, chosen, preview, reading, importing, read, confirm, reset } = usePreviewedImport(
    ({ file, language }: { file: File; language: string }): Promise<ImportTranslationPreview> =>
      api.previewLanguageImport(sourceId, file, language),
  )

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const file = input.current?.files?.[0]
    const language = String(new FormData(event.currentTarget).get('language') ?? '')
    if (file && language) read({ file, language })
  }

  return (
    <section className="add-language import-language" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('languageImport.heading')}</h2>
      <p className="hint">{t('languageImport.hint')}</p>
      <form onSubmit={submit}>
        <LanguageSelect languages={free} />
        <div className="field">
          <label htmlFor={fileId}>{t('languageImport.file')}</label>
          <input id={fileId} ref={input} type="file" accept={IMPORT_ACCEPT} required />
        </div>
        <p role="status" className="form-success">
          {chosen && reading.busy ? t('import.reading', { name: chosen.file.name }) : ''}
        </p>
        <FormMessage error={reading.error} />
        <button type="submit" disabled={reading.busy}>
          {t('languageImport.preview')}
        </button>
      </form>
      {chosen && preview && (
        <section
          className="import-preview"
          aria-label={t('import.previewHeading', { name: chosen.file.name })}
        >
          <h3>{t('import.previewHeading', { name: chosen.file.name })}</h3>
          <ImportReportSummary report={preview.report} />
          <p>{t('languageImport.matched', { count: preview.alignment.matched })}</p>
          {preview.alignment.extra.length > 0 && (
            <>
              <h4>{t('languageImport.extra')}</h4>
              <Clauses clauses={preview.alignment.extra} />
            </>
          )}
          {preview.alignment.missing.length > 0 && (
            <>
              <h4>{t('languageImport.missing')}</h4>
              <Clauses clauses={preview.alignment.missing} />
            </>
          )}
          <div className="form-actions">
            <button
              type="button"
              disabled={importing.busy}
              onClick={() =>
                confirm(({ file, language }) => api.importLanguage(sourceId, file, language))
              }
            >
              {t('languageImport.confirm', {
                language: documentLanguageInfo(chosen.language as DocumentLanguage).nativeName,
              })}
            </button>
            <button type="button" className="secondary" onClick={reset}>
              {t('import.cancel')}
            </button>
          </div>
          <FormMessage error={importing.error} />
        </section>
      )}
    </section>
  )
}
