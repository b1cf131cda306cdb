import type { DispositionImportReport, Language } from '@accord/protocol'
import { type ChangeEvent, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { api } from '../../app/api'
import { useAction } from '../../app/useAction'
import { FormMessage } from '../../ui/FormMessage'

const FORMATS = ['docx', 'xlsx', 'csv'] as const

/** A file's bytes as base64, as the import takes them. */
const base64Of = async (file: File): Promise<string> => {
  const bytes = new Uint8Array(await file.arrayBuffer())
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  }
  return btoa(binary)
}

/**
 * The compilation of comments to download (everyone), and, for coordinators, the import of a
 * template members filled in offline, with the rows it could not place.
 */
export const CompilationTools = ({
  documentId,
  mayImport,
}: {
  documentId: string
  mayImport: boolean
}) => {
  const { t, i18n } = useTranslation()
  // Headings in the language the person reads the interface in.
  const language: Language = i18n.language === 'ru' ? 'ru' : 'en'
  const headingId = useId()
  const fileId = useId()
  const { busy, error, run } = useAction()
  const [report, setReport] = useState<DispositionImportReport | null>(null)

  const importFile = (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget
    const file = input.files?.[0]
    if (!file) return
    setReport(null)
    void run(async () => {
      setReport(await api.importTemplate(documentId, await base64Of(file)))
      input.value = ''
    })
  }

  return (
    <section className="compilation-tools" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('disposition.compilationHeading')}</h3>
      <ul className="inline-list">
        {FORMATS.map((format) => (
          <li key={format}>
            <a href={api.compilationUrl(documentId, format, language)} download>
              {t('disposition.download', { format: format.toUpperCase() })}
            </a>
          </li>
        ))}
      </ul>
      {mayImport && (
        <div className="field">
          <label htmlFor={fileId}>{t('disposition.importLabel')}</label>
          <input
            id={fileId}
            type="file"
            accept=".docx,.xlsx,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            disabled={busy}
            onChange={importFile}
          />
        </div>
      )}
      {busy && <p role="status">{t('disposition.importing')}</p>}
      <FormMessage
        error={error}
        success={report ? t('disposition.imported', { count: report.created }) : null}
      />
      {report && report.unplaced.length > 0 && (
        <>
          <h4>{t('disposition.unplacedHeading')}</h4>
          <ul>
            {report.unplaced.map((row) => (
              <li key={row.row}>{t('disposition.unplaced', row)}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  )
}
