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
 */
export const othersAwareness = (awareness: Awareness): Awareness => {
  const wrapped = new WeakMap<ChangeListener, ChangeListener>()
  const onlyMine = (ids: readonly number[]) => ids.every((id) => id === awareness.clientID)
  const othersOnly = (listener: ChangeListener): ChangeListener => {
    let inner = wrapped.get(listener)
    if (!inner) {
      inner = (change, origin) => {
        if (onlyMine(change.added) && onlyMine(change.updated) && onlyMine(change.removed)) return
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
