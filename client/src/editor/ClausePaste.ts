import { Extension } from '@tiptap/core'
import { Plugin, PluginKey } from '@tiptap/pm/state'
import type { EditorView } from '@tiptap/pm/view'

type ClauseParser = typeof import('./clauses/pasteClauses')

/** Pastes the plain text as clauses if it looks like them (true), or leaves it to the usual paste. */
const pasteAsClauses = (parser: ClauseParser, view: EditorView, data: DataTransfer): boolean => {
  const text = data.getData('text/plain')
  if (!parser.looksLikeClauses(text)) return false
  view.dispatch(parser.pasteClauses(view.state, text).scrollIntoView())
  return true
}

/**
 * Pasting plain text with numbered headings ("1. …", "Статья 3", "Article 3") makes clauses
 * of it, re-joining lines a PDF viewer wrapped. A copy from an editor (ProseMirror's own
 * HTML) keeps its structure, and other text pastes as usual.
 *
 * The parser loads on the first paste, not before the text can be typed in: that paste waits
 * for it, then is handled here or given again to the editor as the same clipboard contents,
 * so it ends exactly as if the parser had been there.
 */
export const ClausePaste = Extension.create({
  name: 'clausePaste',

  addProseMirrorPlugins() {
    let parser: ClauseParser | null = null
    return [
      new Plugin({
        key: new PluginKey('clausePaste'),
        props: {
          handlePaste: (view, event) => {
            const data = event.clipboardData
            // A copy from an editor (ProseMirror's own HTML) keeps its structure.
            if (!data?.getData('text/plain') || data.getData('text/html').includes('data-pm-slice'))
              return false
            if (parser) return pasteAsClauses(parser, view, data)
            const copy = new DataTransfer()
            for (const type of data.types)
              if (type !== 'Files') copy.setData(type, data.getData(type))
            void import('./clauses/pasteClauses').then((loaded) => {
              parser = loaded
              if (view.isDestroyed || pasteAsClauses(loaded, view, copy)) return
              view.dom.dispatchEvent(new ClipboardEvent('paste', { clipboardData: copy }))
            })
            return true
          },
        },
      }),
    ]
  },
})
