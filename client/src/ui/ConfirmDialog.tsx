import { useEffect, useId, useRef } from 'react'
import { trapTab } from './trapTab'

interface ConfirmDialogProps {
  /** Shown while true. */
  open: boolean
  title: string
  message: string
  confirmLabel: string
  cancelLabel: string
  onConfirm: () => void
  /** Cancel, Escape or closing the dialog any other way. */
  onCancel: () => void
}

/**
 * A modal question with a destructive answer, on the native <dialog>: the browser keeps focus
 * inside it, Escape cancels, and the rest of the page is inert while it is open. The safe
 * answer has the focus first.
 */
export const ConfirmDialog = ({
  open,
  title,
  message,
  confirmLabel,
  cancelLabel,
  onConfirm,
  onCancel,
}: ConfirmDialogProps) => {
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  const messageId = useId()

  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    if (open && !dialog.open) dialog.showModal()
    if (!open && dialog.open) dialog.close()
  }, [open])

  return (
    <dialog
      ref={ref}
      className="confirm-dialog"
      aria-labelledby={titleId}
      aria-describedby={messageId}
      onKeyDown={(event) => {
        trapTab(event)
        // A modal question keeps its keys: a panel around it that handles Escape (back to the
        // text) would otherwise prevent the dialog's own Escape from cancelling it.
        event.stopPropagation()
      }}
      onCancel={(event) => {
        // Escape: let React state close it, so state and dialog never disagree.
        event.preventDefault()
        onCancel()
      }}
    >
      <h2 id={titleId}>{title}</h2>
      <p id={messageId}>{message}</p>
      <div className="dialog-actions">
        {/* biome-ignore lint/a11y/noAutofocus: focus belongs on the safe answer of a modal question. */}
        <button type="button" className="quiet" autoFocus onClick={onCancel}>
          {cancelLabel}
        </button>
        <button type="button" className="danger" onClick={onConfirm}>
          {confirmLabel}
        </button>
      </div>
    </dialog>
  )
}
