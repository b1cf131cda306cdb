import { type FormEvent, useId, useState } from 'react'
import { useAction } from '../../app/useAction'
import { FormMessage } from '../../ui/FormMessage'

interface TextFormProps {
  label: string
  submitLabel: string
  initial?: string
  /** Focus the text box when the form appears (a new comment, an edit). */
  autoFocus?: boolean
  onSubmit: (text: string) => Promise<unknown>
  onCancel?: () => void
  cancelLabel?: string
}

/** A labelled text area with a submit button: new comments, replies and edits. */
export const TextForm = ({
  label,
  submitLabel,
  initial = '',
  autoFocus,
  onSubmit,
  onCancel,
  cancelLabel,
}: TextFormProps) => {
  const id = useId()
  const [text, setText] = useState(initial)
  const { busy, error, run } = useAction()

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (!text.trim()) return
    if (await run(() => onSubmit(text))) setText('')
  }

  return (
    <form className="comment-form" onSubmit={submit}>
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        value={text}
        rows={3}
        maxLength={10_000}
        // biome-ignore lint/a11y/noAutofocus: the person just asked to write here
        autoFocus={autoFocus}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          // Ctrl/Cmd+Enter sends, as in most comment boxes; Escape cancels.
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void submit(e)
          if (e.key === 'Escape' && onCancel) onCancel()
        }}
      />
      <div className="form-actions">
        <button type="submit" disabled={busy || !text.trim()}>
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="quiet" onClick={onCancel}>
            {cancelLabel}
          </button>
        )}
      </div>
      <FormMessage error={error} />
    </form>
  )
}
