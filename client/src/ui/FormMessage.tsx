interface FormMessageProps {
  /** An error to announce at once, or null. */
  error?: string | null
  /** A confirmation to announce politely, or null. */
  success?: string | null
}

/** The outcome of a form: errors interrupt (role=alert), confirmations wait their turn (role=status). */
export const FormMessage = ({ error, success }: FormMessageProps) => (
  <>
    <p className="form-error" role="alert">
      {error}
    </p>
    <p className="form-success" role="status">
      {success}
    </p>
  </>
)
