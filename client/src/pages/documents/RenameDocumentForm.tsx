import type { DocumentInfo } from '@accord/protocol'
import { type FormEvent, type KeyboardEvent, useEffect, useId, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { api } from '../../app/api'
import { useAction } from '../../app/useAction'
import { FormMessage } from '../../ui/FormMessage'

interface RenameDocumentFormProps {
  document: DocumentInfo
  onRenamed: (document: DocumentInfo) => void
  onCancel: () => void
}

/** Inline rename: Enter saves, Escape cancels. */
export const RenameDocumentForm = ({ document, onRenamed, onCancel }: RenameDocumentFormProps) => {
  const { t } = useTranslation()
  const inputId = useId()
  const input = useRef<HTMLInputElement>(null)
  const { busy, error, run } = useAction()

  useEffect(() => {
    input.current?.select()
  }, [])

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const title = input.current?.value.trim() ?? ''
    if (title === document.title) return onCancel()
    void run(async () => onRenamed(await api.updateDocument(document.id, { title })))
  }

  const cancelOnEscape = (event: KeyboardEvent) => {
    if (event.key === 'Escape') onCancel()
  }

  return (
    <form onSubmit={submit} onKeyDown={cancelOnEscape} className="inline-form rename">
      <label htmlFor={inputId} className="visually-hidden">
        {t('documents.renameLabel', { title: document.title })}
      </label>
      <input
        id={inputId}
        className="rename-input"
        ref={input}
        defaultValue={document.title}
        required
        maxLength={300}
      />
      <button type="submit" disabled={busy}>
        {t('common.save')}
      </button>
      <button type="button" className="quiet" onClick={onCancel}>
        {t('common.cancel')}
      </button>
      <FormMessage error={error} />
    </form>
  )
}
