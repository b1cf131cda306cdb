/**
 * Code in a chunk of its own, fetched once: `load` asks for it (and asks again after a failure,
 * a dropped connection, the next time it is needed); `loaded` gives it at once when it is here,
 * else null, for what cannot wait for a promise (a first render, a key handler).
 */
export const loadOnce = <T>(fetchCode: () => Promise<T>) => {
  let loaded: T | null = null
  let loading: Promise<T> | null = null
  return {
    load: (): Promise<T> => {
      loading ??= fetchCode().then(
        (code) => {
          loaded = code
          return code
        },
        (error: unknown) => {
          loading = null
          throw error
        },
      )
      return loading
    },
    loaded: (): T | null => loaded,
  }
}
