import type { Editor } from '@tiptap/react'
import { useTranslation } from 'react-i18next'
import { ariaKeyShortcut, formatShortcut, isMac } from '../editor/formatShortcut'
import { SUGGEST_MODE_SHORTCUT } from './SuggestMode'

interface SuggestModeToggleProps {
  editor: Editor
  on: boolean
  /** A member in review: suggesting is the only way to change the text. */
  forced: boolean
}

/**
 * Switches between editing and suggesting. The state is in words and an icon, not colour
 * alone, and the whole editor gets a visible frame while suggesting.
 */
export const SuggestModeToggle = ({ editor, on, forced }: SuggestModeToggleProps) => {
  const { t } = useTranslation()
  const mac = isMac()
  const shortcut = formatShortcut(SUGGEST_MODE_SHORTCUT, mac)
  if (forced) {
    return (
      <p className="suggest-mode-banner" role="status">
        <span aria-hidden="true">✎ </span>
        {t('suggestions.forced')}
      </p>
    )
  }
  return (
    <div className="suggest-mode">
      <button
        type="button"
        className={on ? 'suggest-mode-toggle on' : 'suggest-mode-toggle'}
        aria-pressed={on}
        aria-keyshortcuts={ariaKeyShortcut(SUGGEST_MODE_SHORTCUT, mac)}
        title={t('suggestions.toggleHint', { shortcut })}
        onClick={() => {
          editor.chain().focus().toggleSuggestMode().run()
        }}
      >
        <span aria-hidden="true">{on ? '✎ ' : '✏ '}</span>
        {t('suggestions.toggle')} <kbd>{shortcut}</kbd>
      </button>
      <span className="suggest-mode-state" role="status">
        {on ? t('suggestions.modeOn') : t('suggestions.modeOff')}
      </span>
    </div>
  )
}
