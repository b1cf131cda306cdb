import { describe, expect, it } from 'vitest'
import { WHO_WROTE_SHORTCUT } from '../authorship/AuthorshipHighlights'
import { ariaKeyShortcut, formatShortcut } from '../editor/formatShortcut'
import { REFERENCE_SHORTCUT } from '../editor/references/ClauseReferenceLabels'
import en from '../i18n/en.json'
import { SUGGEST_MODE_SHORTCUT } from '../suggestions/SuggestMode'
import * as translationShortcuts from '../translations/translationShortcuts'
import { shortcutGroups } from './keyboardShortcuts'

/** The app's own source, tests left out. */
const sources = import.meta.glob(
  ['../**/*.ts', '../**/*.tsx', '!../**/*.test.ts', '!../**/*.test.tsx'],
  {
    query: '?raw',
    import: 'default',
    eager: true,
  },
) as Record<string, string>

/** Shortcut constants a button or tooltip may show, by their names in the source. */
const named: Record<string, string> = {
  REFERENCE_SHORTCUT,
  WHO_WROTE_SHORTCUT,
  SUGGEST_MODE_SHORTCUT,
  ...translationShortcuts,
}

/** Variables that are not constants, where they hold only shortcuts the dialog lists whole. */
const listedWhole: Record<string, string> = {
  // The clause buttons' keys come from the clause keymap, which the dialog lists entirely.
  '../editor/Toolbar.tsx': 'keys',
  // The dialog itself.
  './HelpDialog.tsx': 'alternative',
}

const listed = shortcutGroups.flatMap((group) =>
  group.shortcuts.flatMap((shortcut) => shortcut.keys.split(' / ')),
)

describe('the keyboard shortcuts dialog', () => {
  it('lists every shortcut a button shows (aria-keyshortcuts and tooltips)', () => {
    const aria = new Set(listed.map((keys) => ariaKeyShortcut(keys, false)))
    const unlisted: string[] = []
    for (const [file, text] of Object.entries(sources)) {
      for (const [, keys] of text.matchAll(/aria-keyshortcuts="([^"]+)"/g)) {
        if (!aria.has(keys as string)) unlisted.push(`${file}: ${keys}`)
      }
      for (const [, name] of text.matchAll(/(?:formatShortcut|ariaKeyShortcut)\(\s*(\w+)/g)) {
        if (listedWhole[file] === name) continue
        const keys = named[name as string]
        if (keys === undefined) unlisted.push(`${file}: ${name} (not known to this test)`)
        else if (!listed.includes(keys)) unlisted.push(`${file}: ${name} = ${keys}`)
      }
    }
    expect(unlisted).toEqual([])
  })

  it('lists every shortcut the English texts name', () => {
    const shown = new Set(listed.map((keys) => formatShortcut(keys, false)))
    const inTexts = JSON.stringify(en).match(/\b(?:Ctrl|Alt|Shift)(?:\+[^\s,.;:)"/]+)+/g) ?? []
    expect(inTexts.length).toBeGreaterThan(0)
    expect(inTexts.filter((keys) => !shown.has(keys))).toEqual([])
  })
})
