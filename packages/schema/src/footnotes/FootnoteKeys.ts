import { Extension } from '@tiptap/core'
import { FOOTNOTE } from './Footnote.js'

/**
 * The ways out of a footnote: Enter anywhere in it, or the right arrow at its end, puts the
 * cursor just after it. Above the core keymap (a higher priority), whose Enter would split
 * the footnote in two.
 */
export const FootnoteKeys = Extension.create({
  name: 'footnoteKeys',
  priority: 1000,
  addKeyboardShortcuts() {
    const leave = (onlyAtEnd: boolean) => () => {
      const { $from, empty } = this.editor.state.selection
      if (!empty || $from.parent.type.name !== FOOTNOTE) return false
      if (onlyAtEnd && $from.parentOffset < $from.parent.content.size) return false
      return this.editor.commands.setTextSelection($from.after())
    }
    return { Enter: leave(false), ArrowRight: leave(true) }
  },
})
