import {
  changedRange,
  DEFAULT_SETTINGS,
  type DocumentSettings,
  formatClauseLabel,
  type NumberedClause,
  numberedClauses,
  observeSettings,
  rangeMapping,
  readSettings,
} from '@accord/schema'
import { Extension } from '@tiptap/core'
import type { Node as PMNode } from '@tiptap/pm/model'
import { type EditorState, Plugin, PluginKey } from '@tiptap/pm/state'
import { Decoration, DecorationSet } from '@tiptap/pm/view'
import { shallowEqual } from 'fast-equals'
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
  /** Every clause's number in document order: when it is unchanged, no label changed. */
  numbers: string
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

const numbersOf = (clauses: readonly NumberedClause[]) => clauses.map((c) => c.number).join(' ')

/** The label widget (and, for a sub-clause, the heading's level) of one clause. */
const clauseDecorations = (
  clause: NumberedClause,
  settings: DocumentSettings,
  placeholder: ClauseNumberingOptions['placeholder'],
): Decoration[] => {
  const heading = clause.node.firstChild
  if (!heading) return []
  const headingPos = clause.pos + 1
  const label = formatClauseLabel(clause.number, settings.clauseLabel, settings.language)
  const hint = heading.content.size === 0 ? placeholder(clause.level) : ''
  const decorations = [
    // Before the cursor at the heading's start, so typing goes after the label.
    Decoration.widget(headingPos + 1, labelElement(label, hint), {
      side: -1,
      ignoreSelection: true,
      key: `${label}\u0000${hint}`,
    }),
  ]
  if (clause.level === 2) {
    decorations.push(
      Decoration.node(
        headingPos,
        headingPos + heading.nodeSize,
        { 'aria-level': '3' },
        { key: 'aria-level-3' },
      ),
    )
  }
  return decorations
}

/** Every label of the document, drawn from scratch. */
export const decorateClauses = (
  doc: PMNode,
  clauses: readonly NumberedClause[],
  settings: DocumentSettings,
  placeholder: ClauseNumberingOptions['placeholder'],
): DecorationSet =>
  DecorationSet.create(
    doc,
    clauses.flatMap((clause) => clauseDecorations(clause, settings, placeholder)),
  )

/**
 * The labels after a change that left every clause's number as it was: the old labels,
 * moved with the text, and those touching the changed range drawn again (a heading that
 * became empty or filled shows or drops its placeholder). Typing, here or remotely, costs
 * the changed clause, not the document.
 */
const patchDecorations = (
  previous: DecorationSet,
  before: PMNode,
  doc: PMNode,
  clauses: readonly NumberedClause[],
  settings: DocumentSettings,
  placeholder: ClauseNumberingOptions['placeholder'],
): DecorationSet => {
  const range = changedRange(before, doc)
  if (!range) return previous
  const { start, endB } = range
  // The same test as DecorationSet.find: a decoration touching [start, endB].
  const touches = (from: number, to: number) => from <= endB && to >= start
  const mapped = previous.map(rangeMapping(range), doc)
  const fresh = clauses
    .filter((c) => touches(c.pos + 1, c.pos + 1 + (c.node.firstChild?.nodeSize ?? 0)))
    .flatMap((clause) => clauseDecorations(clause, settings, placeholder))
    .filter((d) => touches(d.from, d.to))
  return mapped.remove(mapped.find(start, endB)).add(doc, fresh)
}

/** `previous` when `next` holds the same settings: its identity then says nothing changed. */
const sameOr = (previous: DocumentSettings, next: DocumentSettings): DocumentSettings =>
  shallowEqual(previous, next) ? previous : next

/**
 * The plugin behind ClauseNumbering. The labels are drawn from scratch only when a clause's
 * number changes (a clause inserted, deleted, moved, split or merged) or the settings do;
 * any other change, local or remote, patches the changed range (`patchDecorations`).
 */
export const clauseNumberingPlugin = ({ ydoc, placeholder }: ClauseNumberingOptions): Plugin =>
  new Plugin<NumberingState>({
    key: clauseNumberingKey,
    state: {
      init: (_, state) => {
        const settings = ydoc ? readSettings(ydoc) : DEFAULT_SETTINGS
        const clauses = numberedClauses(state.doc)
        return {
          settings,
          numbers: numbersOf(clauses),
          decorations: decorateClauses(state.doc, clauses, settings, placeholder),
        }
      },
      apply: (tr, value, old, state) => {
        const meta = tr.getMeta(clauseNumberingKey) as { settings?: DocumentSettings } | undefined
        if (!meta && !tr.docChanged) return value
        // A text change reads the settings too: one Yjs update may bring both (a document
        // as it opens), and the labels are then drawn once, with the settings it brought.
        const settings =
          meta?.settings ?? (ydoc ? sameOr(value.settings, readSettings(ydoc)) : value.settings)
        const clauses = numberedClauses(state.doc)
        const numbers = numbersOf(clauses)
        const decorations =
          meta || numbers !== value.numbers || settings !== value.settings
            ? decorateClauses(state.doc, clauses, settings, placeholder)
            : patchDecorations(
                value.decorations,
                old.doc,
                state.doc,
                clauses,
                settings,
                placeholder,
              )
        return { settings, numbers, decorations }
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
            // Not when the text's own transaction drew them already: any transaction costs a
            // walk of the whole text (the Yjs binding compares it with its copy).
            queueMicrotask(() => {
              if (view.isDestroyed) return
              const drawn = clauseNumberingKey.getState(view.state)?.settings
              if (drawn && shallowEqual(drawn, settings)) return
              view.dispatch(view.state.tr.setMeta(clauseNumberingKey, { settings }))
            }),
          )
        : () => {},
    }),
  })

/**
 * Draws each clause's number label ("Статья 3", "3.", "§ 3") before its heading, computed from
 * its position and the document's settings, so the label is never part of the text. Follows
 * changes to the settings made by anyone.
 */
export const ClauseNumbering = Extension.create<ClauseNumberingOptions>({
  name: 'clauseNumbering',

  addOptions: () => ({ ydoc: null, placeholder: () => '' }),

  addProseMirrorPlugins() {
    return [clauseNumberingPlugin(this.options)]
  },
})

/** Redraws the labels, e.g. after the interface language (and so the placeholder) changed. */
export const refreshNumbering = (state: EditorState) => state.tr.setMeta(clauseNumberingKey, {})
