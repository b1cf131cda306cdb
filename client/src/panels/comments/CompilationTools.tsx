import type { DispositionImportReport, Language, ReviewRound } from '@accord/protocol'
import { type ChangeEvent, useEffect, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { api, inboxApi } from '../../app/api'
import { useAction } from '../../app/useAction'
import { FormMessage } from '../../ui/FormMessage'
import { RoundDecisionSummary } from './RoundDecisionSummary'
import { useRoundLabel } from './useRoundLabel'

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
 * The document's review rounds, oldest first (none until they are read), read again when a
 * round opens or closes (`openRoundId` changes).
 */
const useRounds = (documentId: string, openRoundId: string | null): ReviewRound[] => {
  const [rounds, setRounds] = useState<ReviewRound[]>([])
  // biome-ignore lint/correctness/useExhaustiveDependencies: openRoundId is the re-read trigger.
  useEffect(() => {
    let current = true
    inboxApi
      .rounds(documentId)
      .then((answer) => {
        if (current) setRounds([...answer.rounds].reverse())
      })
      .catch(() => undefined)
    return () => {
      current = false
    }
  }, [documentId, openRoundId])
  return rounds
}

/**
 * The compilation of comments to download (everyone), of the whole document or of one review
 * round, with the decisions summed per round; and, for coordinators, the import of a
 * template members filled in offline, with the rows it could not place.
 */
export const CompilationTools = ({
  documentId,
  mayImport,
  openRoundId,
}: {
  documentId: string
  mayImport: boolean
  openRoundId: string | null
}) => {
  const { t, i18n } = useTranslation()
  // Headings in the language the person reads the interface in.
  const language: Language = i18n.language === 'ru' ? 'ru' : 'en'
  const headingId = useId()
  const fileId = useId()
  const scopeId = useId()
  const rounds = useRounds(documentId, openRoundId)
  const roundLabel = useRoundLabel()
  // '' is the whole document; otherwise a round's id.
  const [round, setRound] = useState('')
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
      {rounds.length > 0 && (
        <div className="field">
          <label htmlFor={scopeId}>{t('compilationRounds.scopeLabel')}</label>
          <select id={scopeId} value={round} onChange={(e) => setRound(e.currentTarget.value)}>
            <option value="">{t('compilationRounds.allComments')}</option>
            {rounds.map((r) => (
              <option key={r.id} value={r.id}>
                {roundLabel(r.openedAt, r.closedAt)}
              </option>
            ))}
          </select>
        </div>
      )}
      <ul className="inline-list">
        {FORMATS.map((format) => (
          <li key={format}>
            <a href={api.compilationUrl(documentId, format, language, round || undefined)} download>
              {t('disposition.download', { format: format.toUpperCase() })}
            </a>
          </li>
        ))}
      </ul>
      {rounds.length > 0 && <RoundDecisionSummary documentId={documentId} />}
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
