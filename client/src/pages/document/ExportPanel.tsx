import {
  EXPORT_FORMATS,
  type ExportFormat,
  SUGGESTION_MODES,
  type SuggestionMode,
} from '@accord/protocol'
import { type MouseEvent, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useAction } from '../../app/useAction'
import { FormMessage } from '../../ui/FormMessage'
import { exportUrl } from './exportUrl'
import { type DownloadProgress, fetchDownload } from './fetchDownload'
import { saveBlob } from './saveBlob'

export interface ExportPanelProps {
  documentId: string
  /** Export this version instead of the current text. */
  versionId?: string
  /** The text has open suggestions: offer a clean copy or a review copy showing them. */
  hasSuggestions?: boolean
  /** The document is a translation: offer a two-column copy beside its source. */
  translation?: boolean
  /** The document is final: its current text is the final text. */
  final?: boolean
}

/** The formats a two-column copy comes in (the server's BILINGUAL_FORMATS). */
const BILINGUAL: readonly ExportFormat[] = ['docx', 'pdf', 'html']

/** A click that asks for something else than a plain download (new tab, save as…). */
const isModified = (event: MouseEvent) =>
  event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey

/**
 * The export menu's panel (ExportMenu): choose a format, whether to append the open comments
 * and, when the text has open suggestions, a clean copy or a review copy showing them, then
 * download. The download is a plain link to the export URL (it works without scripts, and
 * with "save link as"); a plain click fetches the file instead, so the panel can show
 * progress and a translated error. All of it is HTTP: it needs no live text.
 */
export const ExportPanel = ({
  documentId,
  versionId,
  hasSuggestions = false,
  translation = false,
  final = false,
}: ExportPanelProps) => {
  const { t } = useTranslation()
  const formatId = useId()
  const progressId = useId()
  const [format, setFormat] = useState<ExportFormat>('pdf')
  const [comments, setComments] = useState(false)
  const [bilingual, setBilingual] = useState(false)
  const canBilingual = translation && BILINGUAL.includes(format)
  const [suggestions, setSuggestions] = useState<SuggestionMode>('clean')
  const [progress, setProgress] = useState<DownloadProgress | null>(null)
  const [saved, setSaved] = useState<string | null>(null)
  const { busy, error, run } = useAction()
  const href = exportUrl(documentId, format, {
    versionId,
    comments,
    suggestions: hasSuggestions ? suggestions : 'clean',
    bilingual: canBilingual && bilingual,
  })

  const download = (event: MouseEvent<HTMLAnchorElement>) => {
    if (isModified(event)) return
    event.preventDefault()
    if (busy) return
    setSaved(null)
    setProgress({ loaded: 0, total: null })
    void run(async () => {
      try {
        const file = await fetchDownload(href, setProgress)
        const fileName = file.fileName ?? `export.${format}`
        saveBlob(file.blob, fileName)
        setSaved(t('export.saved', { fileName }))
      } finally {
        setProgress(null)
      }
    })
  }

  const percent = progress?.total ? Math.round((100 * progress.loaded) / progress.total) : null

  return (
    <div className="export-menu-panel">
      <p className="hint">
        {versionId ? t('export.ofVersion') : final ? t('export.ofFinal') : t('export.ofCurrent')}
      </p>
      <label htmlFor={formatId}>{t('export.format')}</label>
      <select
        id={formatId}
        value={format}
        disabled={busy}
        onChange={(event) => setFormat(event.target.value as ExportFormat)}
      >
        {EXPORT_FORMATS.map((value) => (
          <option key={value} value={value}>
            {t(`export.formats.${value}`)}
          </option>
        ))}
      </select>
      <label className="choice">
        <input
          type="checkbox"
          checked={comments}
          disabled={busy}
          onChange={(event) => setComments(event.target.checked)}
        />
        {t('export.includeComments')}
      </label>
      {canBilingual && (
        <label className="choice">
          <input
            type="checkbox"
            checked={bilingual}
            disabled={busy}
            onChange={(event) => setBilingual(event.target.checked)}
          />
          {t('export.bilingual')}
        </label>
      )}
      {hasSuggestions && (
        <fieldset className="export-suggestions" disabled={busy}>
          <legend>{t('export.suggestions.legend')}</legend>
          {SUGGESTION_MODES.map((mode) => (
            <label key={mode} className="choice">
              <input
                type="radio"
                name={`${formatId}-suggestions`}
                value={mode}
                checked={suggestions === mode}
                onChange={() => setSuggestions(mode)}
              />
              {t(`export.suggestions.${mode}`)}
            </label>
          ))}
        </fieldset>
      )}
      <a
        className="export-download"
        href={href}
        download
        onClick={download}
        aria-disabled={busy || undefined}
        aria-describedby={progress ? progressId : undefined}
      >
        {t('export.download')}
      </a>
      {progress && (
        <div id={progressId}>
          <progress
            aria-label={t('export.progressLabel')}
            value={progress.total ? progress.loaded : undefined}
            max={progress.total ?? undefined}
          />
          <p role="status">
            {percent === null ? t('export.preparing') : t('export.progress', { percent })}
          </p>
        </div>
      )}
      <FormMessage error={error} success={saved} />
    </div>
  )
}
