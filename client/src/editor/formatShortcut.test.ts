import { describe, expect, it } from 'vitest'
import { ariaKeyShortcut, formatShortcut } from './formatShortcut'

describe('formatShortcut', () => {
  it('spells shortcuts for Windows and Linux, and for Macs', () => {
    expect(formatShortcut('Mod-Alt-ArrowUp', false)).toBe('Ctrl+Alt+↑')
    expect(formatShortcut('Mod-Shift-Enter', false)).toBe('Ctrl+Shift+Enter')
    expect(formatShortcut('Mod-Alt-ArrowDown', true)).toBe('⌘⌥↓')
    expect(formatShortcut('Mod-Alt-m', false)).toBe('Ctrl+Alt+M')
  })

  it('names keys as aria-keyshortcuts expects', () => {
    expect(ariaKeyShortcut('Mod-Alt-ArrowUp', false)).toBe('Control+Alt+ArrowUp')
    expect(ariaKeyShortcut('Mod-Shift-Backspace', true)).toBe('Meta+Shift+Backspace')
  })
})
