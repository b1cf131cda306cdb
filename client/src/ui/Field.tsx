import { type InputHTMLAttributes, useId } from 'react'

interface FieldProps extends InputHTMLAttributes<HTMLInputElement> {
  /** Visible label; every input has one. */
  label: string
  /** Extra guidance shown under the input and linked to it for screen readers. */
  hint?: string
}

/** A labelled text input. */
export const Field = ({ label, hint, ...input }: FieldProps) => {
  const id = useId()
  const hintId = `${id}-hint`
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} aria-describedby={hint ? hintId : undefined} {...input} />
      {hint && (
        <p id={hintId} className="hint">
          {hint}
        </p>
      )}
    </div>
  )
}
