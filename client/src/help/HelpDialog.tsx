import { Fragment, useEffect, useId, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { formatShortcut, isMac } from '../editor/formatShortcut'
import { trapTab } from '../ui/trapTab'
import { type ListedShortcut, shortcutGroups } from './keyboardShortcuts'

interface HelpDialogProps {
  open: boolean
  onClose: () => void
}

/** The keys of one shortcut as <kbd> elements: 'Mod-Alt-m' → Ctrl+Alt+M. */
const Keys = ({ keys, mac }: { keys: string; mac: boolean }) => (
  <>
    {keys.split(' / ').map((alternative, i) => (
      <Fragment key={alternative}>
        {i > 0 && ' / '}
        <kbd>{formatShortcut(alternative, mac)}</kbd>
      </Fragment>
    ))}
  </>
)

/**
 * "Keyboard shortcuts": every shortcut of the app, on the native modal <dialog> (the page
 * behind is inert, so focus stays inside; Escape closes). Focus goes back to where it was
 * when the dialog opened: the editor, a field, or the button that opened it.
 */
export const HelpDialog = ({ open, onClose }: HelpDialogProps) => {
  const { t } = useTranslation()
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  const returnTo = useRef<HTMLElement | null>(null)
  const mac = isMac()

  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    if (open && !dialog.open) {
      returnTo.current =
        document.activeElement instanceof HTMLElement ? document.activeElement : null
      dialog.showModal()
    }
    if (!open && dialog.open) {
      dialog.close()
      if (returnTo.current?.isConnected) returnTo.current.focus()
    }
  }, [open])

  const describe = (shortcut: ListedShortcut) =>
    'entry' in shortcut.does
      ? t(`help.entries.${shortcut.does.entry}`)
      : t(`clauses.${shortcut.does.clause}`)

  return (
    <dialog
      ref={ref}
      className="help-dialog"
      aria-labelledby={titleId}
      onKeyDown={trapTab}
      onCancel={(event) => {
        // Escape: React state closes it, so state and dialog never disagree.
        event.preventDefault()
        onClose()
      }}
    >
      {/* Contents only while open: a closed dialog's labels should not be found by anyone. */}
      {open && (
        <>
          <div className="help-dialog-top">
            <h2 id={titleId}>{t('help.title')}</h2>
            {/* biome-ignore lint/a11y/noAutofocus: a modal dialog takes focus; Close is its first control. */}
            <button type="button" className="quiet" autoFocus onClick={onClose}>
              {t('help.close')}
            </button>
          </div>
          <p className="hint">{t('help.intro')}</p>
          <div className="help-groups">
            {shortcutGroups.map((group) => (
              <section key={group.id} aria-labelledby={`${titleId}-${group.id}`}>
                <h3 id={`${titleId}-${group.id}`}>{t(`help.groups.${group.id}`)}</h3>
                <dl className="shortcut-list">
                  {group.shortcuts.map((shortcut) => (
                    <div key={describe(shortcut)}>
                      <dt>
                        <Keys keys={shortcut.keys} mac={mac} />
                      </dt>
                      <dd>{describe(shortcut)}</dd>
                    </div>
                  ))}
                </dl>
              </section>
            ))}
          </div>
        </>
      )}
    </dialog>
  )
}
