import { type ReactNode, useEffect, useRef } from 'react'
import { trapTab } from './trapTab'

interface ModalDialogProps {
  /** Shown while true. */
  open: boolean
  className: string
  /** The id of its title. */
  labelledBy: string
  /** The id of what it says, if anything. */
  describedBy?: string
  /** Escape, or closing the dialog any other way. */
  onCancel: () => void
  /** Its content; its first control has the focus when it opens. */
  children: ReactNode
}

/**
 * A modal on the native <dialog>: the browser keeps focus inside it, Escape cancels, and the
 * rest of the page is inert while it is open, and focus starts on its first control (the
 * browser's own rule for a modal dialog). Tab goes round it.
 */
export const ModalDialog = ({
  open,
  className,
  labelledBy,
  describedBy,
  onCancel,
  children,
}: ModalDialogProps) => {
  const ref = useRef<HTMLDialogElement>(null)

  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    if (open && !dialog.open) dialog.showModal()
    if (!open && dialog.open) dialog.close()
  }, [open])

  return (
    <dialog
      ref={ref}
      className={className}
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      onKeyDown={(event) => {
        trapTab(event)
        // A modal keeps its keys: a panel around it that handles Escape (back to the text)
        // would otherwise prevent the dialog's own Escape from cancelling it.
        event.stopPropagation()
      }}
      onCancel={(event) => {
        // Escape: let React state close it, so state and dialog never disagree.
        event.preventDefault()
        onCancel()
      }}
    >
      {children}
    </dialog>
  )
}
