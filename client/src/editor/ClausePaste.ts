import { looksLikeClauses } from '@accord/schema'
import { Extension } from '@tiptap/core'
import { Plugin, PluginKey } from '@tiptap/pm/state'
import { pasteClauses } from './clauses/pasteClauses'

/**
 * Pasting plain text with numbered headings ("1. …", "Статья 3", "Article 3") makes clauses
 * of it, re-joining lines a PDF viewer wrapped. A copy from an editor (ProseMirror's own
 * HTML) keeps its structure, and other text pastes as usual.
 */
export const ClausePaste = Extension.create({
  name: 'clausePaste',

  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('clausePaste'),
        props: {
          handlePaste: (view, event) => {
            const data = event.clipboardData
            if (!data || data.getData('text/html').includes('data-pm-slice')) return false
            const text = data.getData('text/plain')
            if (!looksLikeClauses(text)) return false
            view.dispatch(pasteClauses(view.state, text).scrollIntoView())
            return true
          },
        },
      }),
    ]
  },
})
