import type { ReactNode } from 'react'

interface ToolbarButtonProps {
  /** Spoken name of the button. */
  label: string
  /** Whether the format is on at the selection. */
  pressed: boolean
  onPress: () => void
  /** Roving tab stop: only one button of the toolbar is in the Tab order. */
  tabIndex: 0 | -1
  /** The visible glyph, hidden from screen readers (the label speaks for it). */
  children: ReactNode
}

/** A toggle button of the formatting toolbar. */
export const ToolbarButton = ({
  label,
  pressed,
  onPress,
  tabIndex,
  children,
}: ToolbarButtonProps) => (
  <button
    type="button"
    className="toolbar-button"
    aria-label={label}
    aria-pressed={pressed}
    title={label}
    tabIndex={tabIndex}
    // Keep the text selection: a mouse press on the button must not move focus out of the editor.
    onMouseDown={(event) => event.preventDefault()}
    onClick={onPress}
  >
    <span aria-hidden="true">{children}</span>
  </button>
)
