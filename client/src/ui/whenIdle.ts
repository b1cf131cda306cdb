/**
 * The longest the browser may keep deferred work waiting for a quiet moment, counted from
 * the first frame drawn after asking; generous, since a loaded machine draws a 1 MiB text
 * for seconds.
 */
const AT_MOST_MS = 3000

/**
 * Runs `work` once the browser has drawn its next frame and then has a moment free (at the
 * latest AT_MOST_MS after that frame); returns a function that cancels it. For work a person
 * does not need before they can read and type: it then does not delay the first drawing of
 * the text. Where `requestIdleCallback` is missing (Safari), right after the frame.
 */
export const whenIdle = (work: () => void): (() => void) => {
  let cancel = () => {}
  const frame = requestAnimationFrame(() => {
    if (typeof requestIdleCallback === 'function') {
      const handle = requestIdleCallback(work, { timeout: AT_MOST_MS })
      cancel = () => cancelIdleCallback(handle)
    } else {
      const timer = setTimeout(work, 0)
      cancel = () => clearTimeout(timer)
    }
  })
  return () => {
    cancelAnimationFrame(frame)
    cancel()
  }
}
