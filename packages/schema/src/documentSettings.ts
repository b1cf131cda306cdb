import * as Y from 'yjs'

/** Languages a document's text may be in; they decide the words of the clause labels. */
export const DOCUMENT_LANGUAGES = ['ru', 'en'] as const
export type DocumentLanguage = (typeof DOCUMENT_LANGUAGES)[number]

/**
 * How clause numbers are labelled: 'article' → "Статья 3" / "Article 3", 'clause' → "Пункт 3" /
 * "Clause 3", 'numeric' → "3.", 'section' → "§ 3".
 */
export const CLAUSE_LABEL_STYLES = ['article', 'clause', 'numeric', 'section'] as const
export type ClauseLabelStyle = (typeof CLAUSE_LABEL_STYLES)[number]

/** Settings that belong to the document itself and travel with it through Yjs. */
export interface DocumentSettings {
  /** Language of the document's text. Default 'ru'. */
  language: DocumentLanguage
  /** Label style of clause numbers. Default 'article'. */
  clauseLabel: ClauseLabelStyle
}

export const DEFAULT_SETTINGS: Readonly<DocumentSettings> = {
  language: 'ru',
  clauseLabel: 'article',
}

/** The Y.Map that holds the settings: `ydoc.getMap(SETTINGS_MAP)`. */
export const SETTINGS_MAP = 'settings'

const SETTING_VALUES: { readonly [K in keyof DocumentSettings]: readonly string[] } = {
  language: DOCUMENT_LANGUAGES,
  clauseLabel: CLAUSE_LABEL_STYLES,
}

/** True when `key` is a setting and `value` one of its values: what the server lets anyone write. */
export const isValidSetting = (key: string, value: unknown): boolean =>
  Object.hasOwn(SETTING_VALUES, key) &&
  SETTING_VALUES[key as keyof DocumentSettings].includes(value as string)

const oneOf = <T extends string>(allowed: readonly T[], value: unknown, fallback: T): T =>
  allowed.includes(value as T) ? (value as T) : fallback

/** Settings from any plain record; unknown or missing values fall back to the defaults. */
export const settingsFrom = (raw: Record<string, unknown>): DocumentSettings => ({
  language: oneOf(DOCUMENT_LANGUAGES, raw.language, DEFAULT_SETTINGS.language),
  clauseLabel: oneOf(CLAUSE_LABEL_STYLES, raw.clauseLabel, DEFAULT_SETTINGS.clauseLabel),
})

/** A document's settings, read from its Y.Doc, with defaults for anything unset or unknown. */
export const readSettings = (ydoc: Y.Doc): DocumentSettings =>
  settingsFrom(ydoc.getMap<unknown>(SETTINGS_MAP).toJSON())

/** The settings held in an encoded Yjs state (a stored version's, as it was then). */
export const settingsOfState = (state: Uint8Array): DocumentSettings => {
  const ydoc = new Y.Doc()
  try {
    Y.applyUpdate(ydoc, state)
    return readSettings(ydoc)
  } finally {
    ydoc.destroy()
  }
}

/** A Yjs update that only sets settings (e.g. the language of a new, blank document). */
export const settingsUpdate = (settings: Partial<DocumentSettings>): Uint8Array => {
  const ydoc = new Y.Doc()
  writeSettings(ydoc, settings)
  const update = Y.encodeStateAsUpdate(ydoc)
  ydoc.destroy()
  return update
}

/**
 * Sets on `ydoc` every setting the encoded `state` has set (a restore takes back a version's
 * language and labels); settings the state never set are left as they are.
 */
export const writeSettingsOfState = (ydoc: Y.Doc, state: Uint8Array, origin?: unknown): void => {
  const source = new Y.Doc()
  try {
    Y.applyUpdate(source, state)
    const set = Object.fromEntries(
      [...source.getMap<unknown>(SETTINGS_MAP).entries()].filter(([key, value]) =>
        isValidSetting(key, value),
      ),
    ) as Partial<DocumentSettings>
    writeSettings(ydoc, set, origin)
  } finally {
    source.destroy()
  }
}

/** Changes some settings in one Yjs transaction (one update for the other replicas). */
export const writeSettings = (
  ydoc: Y.Doc,
  patch: Partial<DocumentSettings>,
  origin?: unknown,
): void => {
  const map = ydoc.getMap<unknown>(SETTINGS_MAP)
  ydoc.transact(() => {
    for (const [key, value] of Object.entries(patch)) {
      if (value !== undefined && map.get(key) !== value) map.set(key, value)
    }
  }, origin)
}

/** Calls `listener` with the new settings whenever anyone changes them; returns the unsubscribe. */
export const observeSettings = (
  ydoc: Y.Doc,
  listener: (settings: DocumentSettings) => void,
): (() => void) => {
  const map = ydoc.getMap<unknown>(SETTINGS_MAP)
  const onChange = () => listener(readSettings(ydoc))
  map.observe(onChange)
  return () => map.unobserve(onChange)
}
