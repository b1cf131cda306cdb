interface ProgressProps {
  /** What is happening, in words ("Opening the document…"). */
  label: string
  /**
   * Read out politely (role=status); default true. False when another live region already
   * says it (the editor's connection state), so screen readers do not hear it twice.
   */
  announce?: boolean
}

/**
 * Something under way: a spinner and its label. It fades in only after half a second (CSS),
 * so quick loads do not flicker; a slow one is never silent.
 */
export const Progress = ({ label, announce = true }: ProgressProps) => (
  <p className="page-status progress" role={announce ? 'status' : undefined}>
    <span className="spinner" aria-hidden="true" /> {label}
  </p>
)
