const ARROWS: Record<string, string> = {
  ArrowUp: '↑',
  ArrowDown: '↓',
  ArrowLeft: '←',
  ArrowRight: '→',
}
const MAC_MODIFIERS: Record<string, string> = { Mod: '⌘', Alt: '⌥', Shift: '⇧', Ctrl: '⌃' }
const ARIA_MODIFIERS: Record<string, string> = { Alt: 'Alt', Shift: 'Shift', Ctrl: 'Control' }

/** True on Apple platforms, where 'Mod' is ⌘. */
export const isMac = (): boolean =>
  typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform)

/** A shortcut for people to read: 'Mod-Alt-ArrowUp' → 'Ctrl+Alt+↑', or '⌘⌥↑' on a Mac. */
export const formatShortcut = (keys: string, mac: boolean): string => {
  // Letters are printed on keys in capitals: 'Mod-Alt-m' reads Ctrl+Alt+M.
  const parts = keys
    .split('-')
    .map((part) => ARROWS[part] ?? (part.length === 1 ? part.toUpperCase() : part))
  if (mac) return parts.map((part) => MAC_MODIFIERS[part] ?? part).join('')
  return parts.map((part) => (part === 'Mod' ? 'Ctrl' : part)).join('+')
}

/** The same shortcut for `aria-keyshortcuts`: 'Control+Alt+ArrowUp', or 'Meta+Alt+ArrowUp'. */
export const ariaKeyShortcut = (keys: string, mac: boolean): string =>
  keys
    .split('-')
    .map((part) => (part === 'Mod' ? (mac ? 'Meta' : 'Control') : (ARIA_MODIFIERS[part] ?? part)))
    .join('+')
