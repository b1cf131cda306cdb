import { type FormEvent, type KeyboardEvent, type ReactNode, useId, useRef, useState } from 'react'
import { useAction } from '../../app/useAction'
import { MentionTextArea, type Person } from '../../mentions/MentionTextArea'
import { mentionsIn } from '../../mentions/mentionQuery'
import { FormMessage } from '../../ui/FormMessage'

interface TextFormProps {
  label: string
  submitLabel: string
  initial?: string
  /** Focus the text box when the form appears (a new comment, an edit). */
  autoFocus?: boolean
  /** `mentions`: the ids of the people named with @ (when `withMentions`). */
  onSubmit: (text: string, mentions: string[]) => Promise<unknown>
  onCancel?: () => void
  cancelLabel?: string
  /** Typing @ offers people to mention (new comments and replies). */
  withMentions?: boolean
  /** More fields, between the text box and the buttons (a new comment's type). */
  extra?: ReactNode
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
  withMentions,
  extra,
}: TextFormProps) => {
  const id = useId()
  const [text, setText] = useState(initial)
  const chosen = useRef<Person[]>([])
  const { busy, error, run } = useAction()

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (!text.trim()) return
    if (await run(() => onSubmit(text, mentionsIn(text, chosen.current)))) {
      setText('')
      chosen.current = []
    }
  }

  const keyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    // Ctrl/Cmd+Enter sends, as in most comment boxes; Escape cancels.
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void submit(e)
    if (e.key === 'Escape' && onCancel) {
      // Handled here: the panel's own Escape (back to the text) is not for this one.
      e.preventDefault()
      onCancel()
    }
  }

  return (
    <form className="comment-form" onSubmit={submit}>
      <label htmlFor={id}>{label}</label>
      {withMentions ? (
        <MentionTextArea
          id={id}
          value={text}
          rows={3}
          maxLength={10_000}
          autoFocus={autoFocus}
          onChange={setText}
          onMention={(person) => {
            chosen.current = [...chosen.current, person]
          }}
          onKeyDown={keyDown}
        />
      ) : (
        <textarea
          id={id}
          value={text}
          rows={3}
          maxLength={10_000}
          // biome-ignore lint/a11y/noAutofocus: the person just asked to write here
          autoFocus={autoFocus}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={keyDown}
        />
      )}
      {extra}
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
