import { isSafeHref } from '@accord/schema'
import { type Editor, getExtensionField, type PasteRule } from '@tiptap/core'
import { Link } from '@tiptap/extension-link'
import type { Plugin } from '@tiptap/pm/state'

/**
 * Tiptap's link extension, for its finding of addresses only (linkifyjs); the schema's
 * `LinkMark` is the mark it sets. Links are made as they are typed (autolink) and from pasted
 * addresses; a click on a link in the editor does nothing, it places the caret.
 */
const link = Link.configure({
  openOnClick: false,
  autolink: true,
  isAllowedUri: (url) => isSafeHref(url),
})

export interface LinkDetectors {
  /** Autolink, and a pasted address over selected words linking them. */
  plugins: Plugin[]
  /** Addresses in pasted text. */
  pasteRules: PasteRule[]
}

/** The link extension's plugins and paste rules, made for this editor as Tiptap makes them. */
export const linkDetectorsFor = (editor: Editor): LinkDetectors => {
  const context = {
    name: link.name,
    options: link.options,
    storage: link.storage,
    editor,
    type: editor.schema.marks.link,
  }
  return {
    plugins: getExtensionField(link, 'addProseMirrorPlugins', context)?.() ?? [],
    pasteRules: getExtensionField(link, 'addPasteRules', context)?.() ?? [],
  }
}
