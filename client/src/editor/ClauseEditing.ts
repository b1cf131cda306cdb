import type { LocatedClause } from '@accord/schema'
import { Extension } from '@tiptap/core'
import type { Command } from '@tiptap/pm/state'
import { ClauseAction, shortcuts } from './clauseShortcuts'
import {
  backspaceAtClauseStart,
  deleteAtClauseEnd,
  enterAtHeadingEnd,
} from './clauses/boundaryKeys'
import { clauseCommandFor } from './clauses/clauseCommandFor'
import { selectedClause } from './clauses/selectedClause'

export interface ClauseEditingOptions {
  /** Asked to delete a clause (after confirmation, by the caller). Default: does nothing. */
  onDeleteRequest: (clause: LocatedClause) => void
}

/** Keyboard shortcuts for clause editing, and Enter, Backspace and Delete that respect clause edges. */
export const ClauseEditing = Extension.create<ClauseEditingOptions>({
  name: 'clauseEditing',
  // Before the core keymap, whose Backspace and Delete would join across clause edges.
  priority: 200,

  addOptions: () => ({ onDeleteRequest: () => {} }),

  addKeyboardShortcuts() {
    const run = (command: Command) => () =>
      this.editor.isEditable &&
      command(this.editor.state, this.editor.view.dispatch, this.editor.view)
    const requestDelete = () => {
      const clause = selectedClause(this.editor.state)
      if (!this.editor.isEditable || !clause) return false
      this.options.onDeleteRequest(clause)
      return true
    }
    const bindings: Record<string, () => boolean> = {
      Backspace: run(backspaceAtClauseStart),
      'Mod-Backspace': run(backspaceAtClauseStart),
      'Shift-Backspace': run(backspaceAtClauseStart),
      Enter: run(enterAtHeadingEnd),
      Delete: run(deleteAtClauseEnd),
      'Mod-Delete': run(deleteAtClauseEnd),
    }
    for (const { action, keys } of shortcuts) {
      bindings[keys] =
        action === ClauseAction.delete ? requestDelete : run(clauseCommandFor[action])
    }
    return bindings
  },
})
