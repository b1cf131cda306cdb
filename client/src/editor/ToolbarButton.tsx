import type { ReactNode } from 'react'

interface ToolbarButtonProps {
  /** Spoken name of the button. */
  label: string
  /** For a toggle, whether the format is on at the selection; absent for an action. */
  pressed?: boolean
  /**
   * True when the action cannot run here. The button stays focusable (aria-disabled), as
   * the ARIA toolbar pattern recommends, so arrow keys do not skip it.
   */
  disabled?: boolean
  /** Its keyboard shortcut: for the tooltip (as people read it) and for `aria-keyshortcuts`. */
  shortcut?: { text: string; aria: string }
  onPress: () => void
  /** Roving tab stop: only one button of the toolbar is in the Tab order. */
  tabIndex: 0 | -1
  /** The visible glyph, hidden from screen readers (the label speaks for it). */
  children: ReactNode
}

/** A button of the editing toolbar: a format toggle or a clause action. */
export const ToolbarButton = ({
  label,
  pressed,
  disabled = false,
  shortcut,
  onPress,
  tabIndex,
  children,
}: ToolbarButtonProps) => (
  <button
    type="button"
    className="toolbar-button"
    aria-label={label}
    aria-pressed={pressed}
    aria-disabled={disabled || undefined}
    aria-keyshortcuts={shortcut?.aria}
    title={shortcut ? `${label} (${shortcut.text})` : label}
    tabIndex={tabIndex}
    // Keep the text selection: a mouse press on the button must not move focus out of the editor.
    onMouseDown={(event) => event.preventDefault()}
    onClick={() => {
      if (!disabled) onPress()
    }}
  >
    <span aria-hidden="true">{children}</span>
  </button>
)
