import { type FormEvent, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useAction } from '../../app/useAction'
import { Field } from '../../ui/Field'
import { FormMessage } from '../../ui/FormMessage'

/**
 * "This is draft 3": a coordinator names the current text; on a source with translations,
 * the same version of every translation too (ticked by default).
 */
export const SaveVersionForm = ({
  onSave,
  translations = 0,
}: {
  onSave: (name: string, note: string, inTranslations: boolean) => Promise<unknown>
  /** How many translations the document has (a source only). */
  translations?: number
}) => {
  const { t } = useTranslation()
  const alsoId = useId()
  const [also, setAlso] = useState(true)
  const [name, setName] = useState('')
  const [note, setNote] = useState('')
  const { busy, error, run } = useAction()
  const [saved, setSaved] = useState<string | null>(null)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setSaved(null)
    if (await run(() => onSave(name.trim(), note.trim(), translations > 0 && also))) {
      setSaved(t('history.saved', { name: name.trim() }))
      setName('')
      setNote('')
    }
  }

  return (
    <form className="save-version" onSubmit={submit}>
      <Field
        label={t('history.versionName')}
        value={name}
        maxLength={200}
        required
        onChange={(e) => setName(e.target.value)}
      />
      <Field
        label={t('history.versionNote')}
        value={note}
        maxLength={2000}
        onChange={(e) => setNote(e.target.value)}
      />
      {translations > 0 && (
        <div className="field field-inline">
          <input
            id={alsoId}
            type="checkbox"
            checked={also}
            onChange={(event) => setAlso(event.target.checked)}
          />
          <label htmlFor={alsoId}>{t('history.alsoTranslations', { count: translations })}</label>
        </div>
      )}
      <button type="submit" disabled={busy || !name.trim()}>
        {t('history.saveVersion')}
      </button>
      <FormMessage error={error} success={saved} />
    </form>
  )
}
