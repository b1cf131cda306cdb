import type { GlossaryEntry } from '@accord/protocol'
import { type FormEvent, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { api } from '../../app/api'
import { useAction } from '../../app/useAction'
import { FormMessage } from '../../ui/FormMessage'

interface GlossaryFilesProps {
  mayImport: boolean
  onImported: (entries: GlossaryEntry[]) => void
}

/** CSV by its extension; anything else is read as TBX (ISO 30042, often saved as .xml). */
const formatOf = (file: File): 'csv' | 'tbx' => (/\.csv$/i.test(file.name) ? 'csv' : 'tbx')

/** The glossary as files: TBX (the termbase exchange standard) and CSV, both ways. */
export const GlossaryFiles = ({ mayImport, onImported }: GlossaryFilesProps) => {
  const { t } = useTranslation()
  const headingId = useId()
  const fileId = useId()
  const { busy, error, run } = useAction()
  const [done, setDone] = useState<string | null>(null)

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const formElement = event.currentTarget
    const file = new FormData(formElement).get('file')
    if (!(file instanceof File) || file.size === 0) return
    setDone(null)
    void run(async () => {
      const { added, entries } = await api.importGlossary({
        format: formatOf(file),
        content: await file.text(),
      })
      setDone(t('glossary.imported', { count: added }))
      formElement.reset()
      onImported(entries)
    })
  }

  return (
    <section aria-labelledby={headingId} className="card">
      <h2 id={headingId}>{t('glossary.files')}</h2>
      <p>
        {t('glossary.download')}{' '}
        <a href="/api/glossary/export?format=tbx" download>
          TBX
        </a>
        {' · '}
        <a href="/api/glossary/export?format=csv" download>
          CSV
        </a>
      </p>
      {mayImport && (
        <form onSubmit={submit}>
          <div className="field">
            <label htmlFor={fileId}>{t('glossary.importFile')}</label>
            <input
              id={fileId}
              name="file"
              type="file"
              accept=".tbx,.xml,.csv"
              required
              aria-describedby={`${fileId}-hint`}
            />
            <p id={`${fileId}-hint`} className="hint">
              {t('glossary.importHint')}
            </p>
          </div>
          <FormMessage error={error} success={done} />
          <button type="submit" disabled={busy}>
            {t('glossary.import')}
          </button>
        </form>
      )}
    </section>
  )
}
