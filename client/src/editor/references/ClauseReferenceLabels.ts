import {
  CLAUSE_REFERENCE,
  changedRange,
  clauseNumbersById,
  numberedClauses,
  rangeMapping,
  referenceTarget,
} from '@accord/schema'
import { Extension } from '@tiptap/core'
import type { Node as PMNode } from '@tiptap/pm/model'
import { type EditorState, Plugin, PluginKey } from '@tiptap/pm/state'
import { Decoration, DecorationSet, type NodeView } from '@tiptap/pm/view'
import { clauseNumberingKey, numberingSettings } from '../ClauseNumbering'

export interface ClauseReferenceLabelsOptions {
  /** Said after the label of a reference whose clause is gone, in the interface language. Default: none. */
  missing: () => string
  /** Asked for a clause to refer to (the shortcut); the caller shows the picker. Default: nothing. */
  onPickRequest: () => void
}

/** Inserts a reference: one of the keys no layout turns into a character (see clauseShortcuts). */
export const REFERENCE_SHORTCUT = 'Mod-Alt-Shift-ArrowRight'

interface LabelSpec {
  label: string
  missing: boolean
}

interface ReferenceState {
  decorations: DecorationSet
  /** Every clause's id and number: while it is unchanged, no reference's label changed. */
  targets: string
}

const referenceKey = new PluginKey<ReferenceState>('clauseReferenceLabels')

const targetsOf = (doc: PMNode): string =>
  numberedClauses(doc)
    .map((c) => `${String(c.node.attrs.id)}=${c.number}`)
    .join(' ')

/** The label decorations of the references in [from, to]. */
const labelsBetween = (state: EditorState, from: number, to: number): Decoration[] => {
  const { clauseLabel, language } = numberingSettings(state)
  let numbers: ReadonlyMap<string, string> | null = null
  const found: Decoration[] = []
  state.doc.nodesBetween(from, to, (node, pos) => {
    if (node.type.name !== CLAUSE_REFERENCE) return true
    numbers ??= clauseNumbersById(state.doc)
    const target = referenceTarget(numbers, node.attrs.clauseId, clauseLabel, language)
    found.push(
      Decoration.node(pos, pos + 1, {}, {
        label: target.label,
        missing: target.number === null,
      } satisfies LabelSpec),
    )
    return false
  })
  return found
}

/** Every reference's label, drawn from scratch. */
const decorate = (state: EditorState): ReferenceState => ({
  targets: targetsOf(state.doc),
  decorations: DecorationSet.create(state.doc, labelsBetween(state, 0, state.doc.content.size)),
})

/**
 * The labels after a change, local or remote: drawn from scratch when some clause's number
 * or id changed (or the label settings did); otherwise the old ones moved with the text and
 * those in the changed range drawn again. A text without references, the usual case, is not
 * walked at all.
 */
const relabel = (
  value: ReferenceState,
  relabelAll: boolean,
  old: EditorState,
  state: EditorState,
): ReferenceState => {
  if (relabelAll) return decorate(state)
  const range = changedRange(old.doc, state.doc)
  if (!range) return value
  const { start, endB } = range
  // What DecorationSet.find(start, endB) finds: a reference touching the range at either end.
  const fresh = labelsBetween(
    state,
    Math.max(0, start - 1),
    Math.min(state.doc.content.size, endB + 1),
  )
  const none = value.decorations === DecorationSet.empty
  if (none && fresh.length === 0) return value
  const targets = targetsOf(state.doc)
  if (none || targets !== value.targets) return decorate(state)
  const mapped = value.decorations.map(rangeMapping(range), state.doc)
  return { targets, decorations: mapped.remove(mapped.find(start, endB)).add(state.doc, fresh) }
}

/**
 * A reference drawn as its label: real text in the page, so screen readers read it, and
 * redrawn whenever the label its decoration carries changes.
 */
class ReferenceView implements NodeView {
  readonly dom: HTMLElement

  constructor(
    private node: PMNode,
    decorations: readonly Decoration[],
    private readonly missing: () => string,
  ) {
    this.dom = document.createElement('span')
    this.dom.className = 'clause-ref'
    this.dom.contentEditable = 'false'
    this.draw(decorations)
  }

  private draw(decorations: readonly Decoration[]) {
    const spec = decorations.find((d) => 'label' in d.spec)?.spec as LabelSpec | undefined
    const clauseId = this.node.attrs.clauseId
    this.dom.dataset.clauseId = typeof clauseId === 'string' ? clauseId : ''
    this.dom.classList.toggle('clause-ref-missing', spec?.missing ?? false)
    this.dom.textContent = spec?.label ?? ''
    if (spec?.missing) {
      const note = document.createElement('span')
      note.className = 'visually-hidden'
      note.textContent = ` (${this.missing()})`
      this.dom.append(note)
      this.dom.title = this.missing()
    } else this.dom.removeAttribute('title')
  }

  update(node: PMNode, decorations: readonly Decoration[]): boolean {
    if (node.type !== this.node.type) return false
    this.node = node
    this.draw(decorations)
    return true
  }

  // The label is drawn by this view; no DOM change inside it is an edit.
  ignoreMutation(): boolean {
    return true
  }
}

/**
 * The plugin behind ClauseReferenceLabels: the references' labels as decorations (kept up to
 * date by `relabel`), and the node view that draws them.
 */
export const referenceLabelsPlugin = (missing: () => string): Plugin<ReferenceState> =>
  new Plugin<ReferenceState>({
    key: referenceKey,
    state: {
      init: (_, state) => decorate(state),
      // Redrawn when the text changes or the label settings do: through ClauseNumbering's
      // meta, or read by its state with a text change that brought them (its state keeps the
      // object while they stay the same).
      apply: (tr, value, old, state) => {
        const relabelAll =
          Boolean(tr.getMeta(clauseNumberingKey)) ||
          numberingSettings(old) !== numberingSettings(state)
        return tr.docChanged || relabelAll ? relabel(value, relabelAll, old, state) : value
      },
    },
    props: {
      decorations: (state) => referenceKey.getState(state)?.decorations,
      nodeViews: {
        [CLAUSE_REFERENCE]: (node, _view, _getPos, decorations) =>
          new ReferenceView(node, decorations, missing),
      },
    },
  })

/** The reference labels drawn in `state` (for tests). */
export const referenceDecorations = (state: EditorState): DecorationSet | undefined =>
  referenceKey.getState(state)?.decorations

/**
 * Draws each cross-reference as the current label of its clause ("Статья 3", "Clause 2.1"),
 * from the same numbering and settings as the clause labels, so references follow clauses as
 * they move, whoever moves them; a reference whose clause was deleted reads "Article ?" and
 * says so. The shortcut asks for the picker.
 */
export const ClauseReferenceLabels = Extension.create<ClauseReferenceLabelsOptions>({
  name: 'clauseReferenceLabels',
  // Below ClauseNumbering's (the default 100): the labels read the numbering's settings from
  // the state being made, which has them only once the numbering's plugin has run. Tiptap
  // orders plugins by priority, and at equal priority the later extension first, so without
  // this a translation's references read the default settings ("Статья 3" in English).
  priority: 90,

  addOptions: () => ({ missing: () => '', onPickRequest: () => {} }),

  addKeyboardShortcuts() {
    return {
      [REFERENCE_SHORTCUT]: () => {
        if (!this.editor.isEditable) return false
        this.options.onPickRequest()
        return true
      },
    }
  },

  addProseMirrorPlugins() {
    return [referenceLabelsPlugin(this.options.missing)]
  },
})
