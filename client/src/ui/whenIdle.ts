/** The longest the browser may keep deferred work waiting for a quiet moment. */
const AT_MOST_MS = 1000

/**
 * Runs `work` once the browser has drawn what it was doing and has a moment free (at the
 * latest after AT_MOST_MS); returns a function that cancels it. For work a person does not
 * need before they can read and type: it then does not delay the first drawing of the text.
 * Where `requestIdleCallback` is missing (Safari), after the next frame.
 */
export const whenIdle = (work: () => void): (() => void) => {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(work, { timeout: AT_MOST_MS })
    return () => cancelIdleCallback(handle)
  }
  let timer: ReturnType<typeof setTimeout> | undefined
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(work, 0)
  })
  return () => {
    cancelAnimationFrame(frame)
    clearTimeout(timer)
  }
}
