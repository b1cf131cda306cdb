import { useId } from 'react'
import { ModalDialog } from './ModalDialog'

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

/** A modal question with a destructive answer. The safe answer has the focus first. */
export const ConfirmDialog = ({
  open,
  title,
  message,
  confirmLabel,
  cancelLabel,
  onConfirm,
  onCancel,
}: ConfirmDialogProps) => {
  const titleId = useId()
  const messageId = useId()
  return (
    <ModalDialog
      open={open}
      className="confirm-dialog"
      labelledBy={titleId}
      describedBy={messageId}
      onCancel={onCancel}
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
    </ModalDialog>
  )
}
