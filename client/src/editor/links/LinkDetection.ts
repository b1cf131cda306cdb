import { type Editor, Extension, PasteRule } from '@tiptap/core'
import { Plugin } from '@tiptap/pm/state'
import { loadOnce } from '../../ui/loadOnce'
import type { LinkDetectors } from './linkDetectors'

const detectorsCode = loadOnce(() => import('./linkDetectors'))

let wanted = false

/** Fetches the finding of addresses once a document's text is shown, before anyone types. */
export const preloadLinkDetection = (): Promise<void> => {
  wanted = true
  return detectorsCode.load().then(
    () => {},
    () => {},
  )
}

const detectorsByEditor = new WeakMap<Editor, LinkDetectors>()

/** This editor's detectors, made once their code is here; null until then. */
const detectorsOf = (editor: Editor): LinkDetectors | null => {
  const code = detectorsCode.loaded()
  if (!code) {
    // A load that failed (a dropped connection) is asked again at the next change; none is
    // asked before the text is shown, the opening's own changes included.
    if (wanted) detectorsCode.load().catch(() => {})
    return null
  }
  let detectors = detectorsByEditor.get(editor)
  if (!detectors) {
    detectors = code.linkDetectorsFor(editor)
    detectorsByEditor.set(editor, detectors)
  }
  return detectors
}

/**
 * Links made from web addresses, as Tiptap's link extension makes them: typed (autolink), in
 * pasted text, or pasted over selected words. That extension's address finder (linkifyjs and
 * its plugins, 8 KB gzipped) is not on the way to a document's first keystroke: its code is
 * fetched once the text is shown, and these plugins hand each change and paste to its plugins
 * once it is here. Handing on, rather than adding its plugins to the live editor, spares the
 * redraw of the whole text that adding a plugin causes (see `TableEditing`). The link
 * extension's plugins keep no state and have no view, and with links not opened on a click its
 * click handler does nothing, so handing on changes, pastes and paste rules loses nothing
 * (`LinkDetection.test`); an address typed in the moment before the code arrives stays text.
 */
export const LinkDetection = Extension.create({
  name: 'linkDetection',
  // Where Tiptap's link extension was: its paste handling before the others'.
  priority: 1000,

  addPasteRules() {
    const { editor } = this
    const rule = () => detectorsOf(editor)?.pasteRules[0]
    return [
      new PasteRule({
        find: (text, event) => {
          const find = rule()?.find
          return typeof find === 'function' ? find(text, event) : null
        },
        handler: (props) => rule()?.handler(props),
      }),
    ]
  },

  addProseMirrorPlugins() {
    const { editor } = this
    const loaded = () => detectorsOf(editor)?.plugins ?? []
    return [
      new Plugin({
        appendTransaction: (transactions, oldState, newState) => {
          for (const plugin of loaded()) {
            const appended = plugin.spec.appendTransaction?.call(
              plugin,
              transactions,
              oldState,
              newState,
            )
            if (appended) return appended
          }
          return null
        },
        props: {
          handlePaste: (view, event, slice) =>
            loaded().some((plugin) => plugin.props.handlePaste?.call(plugin, view, event, slice)),
        },
      }),
    ]
  },
})
