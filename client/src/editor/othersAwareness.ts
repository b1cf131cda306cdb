import type { EditorState } from '@tiptap/pm/state'
import type { DecorationSet } from '@tiptap/pm/view'
import { yCursorPluginKey } from '@tiptap/y-tiptap'
import type { Awareness } from 'y-protocols/awareness'

interface AwarenessChange {
  added: number[]
  updated: number[]
  removed: number[]
}
type ChangeListener = (change: AwarenessChange, origin: unknown) => void

/**
 * The awareness as the collaborators' carets should see it: a `change` listener hears only
 * changes that touch someone else's state. y-tiptap's caret plugin answers every change with
 * a whole editor transaction (to redraw the others' carets), and this tab's own caret changes
 * with every keystroke and after every remote edit though it is never drawn here: each
 * keystroke ran a second transaction through every plugin, the view and the page's hooks.
 * Everything else (states, the local state, `update` events) is the awareness itself.
 * `ownChangeMatters` lets a change of this tab's own state through when it says so: the
 * plugin drops every caret on a structural local edit (Enter, a join) and counts on the
 * awareness change that follows to draw them again.
 */
export const othersAwareness = (
  awareness: Awareness,
  ownChangeMatters: () => boolean,
): Awareness => {
  const wrapped = new WeakMap<ChangeListener, ChangeListener>()
  const onlyMine = (ids: readonly number[]) => ids.every((id) => id === awareness.clientID)
  const othersOnly = (listener: ChangeListener): ChangeListener => {
    let inner = wrapped.get(listener)
    if (!inner) {
      inner = (change, origin) => {
        const mine = onlyMine(change.added) && onlyMine(change.updated) && onlyMine(change.removed)
        if (mine && !ownChangeMatters()) return
        listener(change, origin)
      }
      wrapped.set(listener, inner)
    }
    return inner
  }
  return new Proxy(awareness, {
    get(target, property, receiver) {
      if (property === 'on' || property === 'off') {
        const method = target[property].bind(target) as (name: string, f: ChangeListener) => void
        return (name: string, listener: ChangeListener) =>
          method(name, name === 'change' ? othersOnly(listener) : listener)
      }
      return Reflect.get(target, property, receiver)
    },
  })
}

/**
 * True when the editor draws fewer carets than other people have placed (the caret plugin
 * dropped them, or has not drawn them yet): then a change of this tab's own state must still
 * redraw them.
 */
export const caretsMissing = (state: EditorState | undefined, awareness: Awareness): boolean => {
  const drawn = state && (yCursorPluginKey.getState(state) as DecorationSet | undefined)
  if (!drawn) return true
  const widgets = drawn.find(undefined, undefined, (spec) => spec.key !== undefined).length
  let placed = 0
  for (const [id, other] of awareness.getStates())
    if (id !== awareness.clientID && other.cursor) placed += 1
  return widgets < placed
}
