/** Listeners per key (a document, a person): add, remove, and tell those of one key. */
export class KeyedListeners<T> {
  private readonly byKey = new Map<string, Set<(value: T) => void>>()

  /** Returns the unsubscribe function. */
  add(key: string, listener: (value: T) => void): () => void {
    let set = this.byKey.get(key)
    if (!set) {
      set = new Set()
      this.byKey.set(key, set)
    }
    set.add(listener)
    return () => {
      set.delete(listener)
      // Only this set: a second call must not drop a newer subscriber's.
      if (set.size === 0 && this.byKey.get(key) === set) this.byKey.delete(key)
    }
  }

  emit(key: string, value: T): void {
    for (const listener of this.byKey.get(key) ?? []) listener(value)
  }
}
