import {
  DEFAULT_SETTINGS,
  type DocumentSettings,
  formatClauseLabel,
  numberedClauses,
  observeSettings,
  readSettings,
} from '@accord/schema'
import { Extension } from '@tiptap/core'
import type { Node as PMNode } from '@tiptap/pm/model'
import { type EditorState, Plugin, PluginKey } from '@tiptap/pm/state'
import { Decoration, DecorationSet } from '@tiptap/pm/view'
import type * as Y from 'yjs'

export interface ClauseNumberingOptions {
  /** The shared document whose settings choose the labels. Default null: the default settings. */
  ydoc: Y.Doc | null
  /** Hint shown in an empty heading, in the interface language. Default: none. */
  placeholder: (level: 1 | 2) => string
}

interface NumberingState {
  settings: DocumentSettings
  decorations: DecorationSet
}

export const clauseNumberingKey = new PluginKey<NumberingState>('clauseNumbering')

/** The document settings the labels are drawn with (the defaults before the plugin runs). */
export const numberingSettings = (state: EditorState): DocumentSettings =>
  clauseNumberingKey.getState(state)?.settings ?? DEFAULT_SETTINGS

const labelElement = (label: string, placeholder: string) => () => {
  const span = document.createElement('span')
  span.className = 'clause-label'
  span.textContent = label
  if (placeholder) span.dataset.placeholder = placeholder
  return span
}

const decorate = (
  doc: PMNode,
  settings: DocumentSettings,
  placeholder: ClauseNumberingOptions['placeholder'],
): DecorationSet => {
  const decorations: Decoration[] = []
  for (const clause of numberedClauses(doc)) {
    const heading = clause.node.firstChild
    if (!heading) continue
    const headingPos = clause.pos + 1
    const label = formatClauseLabel(clause.number, settings.clauseLabel, settings.language)
    const hint = heading.content.size === 0 ? placeholder(clause.level) : ''
    decorations.push(
      // Before the cursor at the heading's start, so typing goes after the label.
      Decoration.widget(headingPos + 1, labelElement(label, hint), {
        side: -1,
        ignoreSelection: true,
        key: `${label}\u0000${hint}`,
      }),
    )
    if (clause.level === 2) {
      decorations.push(
        Decoration.node(headingPos, headingPos + heading.nodeSize, { 'aria-level': '3' }),
      )
    }
  }
  return DecorationSet.create(doc, decorations)
}

/**
 * Draws each clause's number label ("Статья 3", "3.", "§ 3") before its heading, computed from
 * its position and the document's settings, so the label is never part of the text. Follows
 * changes to the settings made by anyone.
 */
export const ClauseNumbering = Extension.create<ClauseNumberingOptions>({
  name: 'clauseNumbering',

  addOptions: () => ({ ydoc: null, placeholder: () => '' }),

  addProseMirrorPlugins() {
    const { ydoc, placeholder } = this.options
    return [
      new Plugin<NumberingState>({
        key: clauseNumberingKey,
        state: {
          init: (_, state) => {
            const settings = ydoc ? readSettings(ydoc) : DEFAULT_SETTINGS
            return { settings, decorations: decorate(state.doc, settings, placeholder) }
          },
          apply: (tr, value, _old, state) => {
            const meta = tr.getMeta(clauseNumberingKey) as
              | { settings?: DocumentSettings }
              | undefined
            if (!meta && !tr.docChanged) return value
            const settings = meta?.settings ?? value.settings
            return { settings, decorations: decorate(state.doc, settings, placeholder) }
          },
        },
        props: {
          decorations: (state) => clauseNumberingKey.getState(state)?.decorations,
        },
        view: (view) => ({
          destroy: ydoc
            ? observeSettings(ydoc, (settings) =>
                // Later, not now: one Yjs update may carry settings and text together, and
                // settings observers run before the binding has brought the text into the
                // editor. Any transaction dispatched now would write the older text back.
                queueMicrotask(() => {
                  if (!view.isDestroyed)
                    view.dispatch(view.state.tr.setMeta(clauseNumberingKey, { settings }))
                }),
              )
            : () => {},
        }),
      }),
    ]
  },
})

/** Redraws the labels, e.g. after the interface language (and so the placeholder) changed. */
export const refreshNumbering = (state: EditorState) => state.tr.setMeta(clauseNumberingKey, {})
