import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useAction } from '../../app/useAction'
import { Field } from '../../ui/Field'
import { FormMessage } from '../../ui/FormMessage'

/** "This is draft 3": a coordinator names the current text. */
export const SaveVersionForm = ({
  onSave,
}: {
  onSave: (name: string, note: string) => Promise<unknown>
}) => {
  const { t } = useTranslation()
  const [name, setName] = useState('')
  const [note, setNote] = useState('')
  const { busy, error, run } = useAction()
  const [saved, setSaved] = useState<string | null>(null)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setSaved(null)
    if (await run(() => onSave(name.trim(), note.trim()))) {
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
      <button type="submit" disabled={busy || !name.trim()}>
        {t('history.saveVersion')}
      </button>
      <FormMessage error={error} success={saved} />
    </form>
  )
}
