import { CLAUSE_REFERENCE, clauseReferenceLabels } from '@accord/schema'
import { Extension } from '@tiptap/core'
import type { Node as PMNode } from '@tiptap/pm/model'
import { Plugin, PluginKey } from '@tiptap/pm/state'
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

const referenceKey = new PluginKey<DecorationSet>('clauseReferenceLabels')

const decorate = (doc: PMNode, state: Parameters<typeof numberingSettings>[0]): DecorationSet => {
  const { clauseLabel, language } = numberingSettings(state)
  return DecorationSet.create(
    doc,
    clauseReferenceLabels(doc, clauseLabel, language).map((ref) =>
      Decoration.node(ref.pos, ref.pos + 1, {}, {
        label: ref.label,
        missing: ref.number === null,
      } satisfies LabelSpec),
    ),
  )
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
 * Draws each cross-reference as the current label of its clause ("Статья 3", "Clause 2.1"),
 * from the same numbering and settings as the clause labels, so references follow clauses as
 * they move, whoever moves them; a reference whose clause was deleted reads "Article ?" and
 * says so. The shortcut asks for the picker.
 */
export const ClauseReferenceLabels = Extension.create<ClauseReferenceLabelsOptions>({
  name: 'clauseReferenceLabels',

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
    const { missing } = this.options
    return [
      new Plugin<DecorationSet>({
        key: referenceKey,
        state: {
          init: (_, state) => decorate(state.doc, state),
          // Redrawn when the text changes or the label settings do (ClauseNumbering's meta).
          apply: (tr, value, _old, state) =>
            tr.docChanged || tr.getMeta(clauseNumberingKey) ? decorate(state.doc, state) : value,
        },
        props: {
          decorations: (state) => referenceKey.getState(state),
          nodeViews: {
            [CLAUSE_REFERENCE]: (node, _view, _getPos, decorations) =>
              new ReferenceView(node, decorations, missing),
          },
        },
      }),
    ]
  },
})
