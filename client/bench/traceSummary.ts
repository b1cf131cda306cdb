/**
 * Where the page's main thread spends its time, from a Chromium trace (`browser.startTracing`
 * with the devtools.timeline categories): each task of the renderer's main thread is put in a
 * kind by what it ran (a keystroke's input events, a WebSocket message, a timer, an animation
 * frame, the rendering of a frame, …), and for each kind the time in JavaScript-free rendering
 * steps (style, layout, paint) is summed. A CPU profile puts all of rendering in "(program)";
 * this splits it, and splits local typing from the handling of remote edits.
 */

interface TraceEvent {
  name: string
  ph: string
  ts: number
  dur?: number
  pid: number
  tid: number
  args?: { name?: string; data?: { type?: string } }
}

/** Rendering steps summed per kind (the trace's names). */
const STEPS = [
  'UpdateLayoutTree',
  'Layout',
  'PrePaint',
  'Paint',
  'Layerize',
  'Commit',
  'HitTest',
  'MinorGC',
  'MajorGC',
  'V8.GC_SCAVENGER',
] as const

const KEY_EVENTS = new Set(['keydown', 'keypress', 'keyup', 'beforeinput', 'input', 'textInput'])

/** What a task ran, from its first telling event. */
const kindOf = (inner: readonly TraceEvent[]): string => {
  for (const event of inner) {
    const type = event.args?.data?.type
    if (event.name === 'EventDispatch' && type) {
      if (KEY_EVENTS.has(type)) return 'keystroke (input events)'
      return `event ${type}`
    }
    if (event.name === 'TimerFire') return 'timer'
    if (event.name === 'FireAnimationFrame') return 'animation frame callback'
    if (event.name === 'FireIdleCallback') return 'idle callback'
    if (event.name === 'UpdateLayoutTree' || event.name === 'Layout' || event.name === 'Paint')
      return 'rendering a frame'
    if (event.name === 'v8.gc' || event.name === 'MajorGC' || event.name === 'MinorGC')
      return 'garbage collection'
  }
  const named = inner.find((event) => event.name !== 'RunTask')
  return named ? `other (${named.name})` : 'other'
}

export interface KindFigures {
  tasks: number
  ms: number
  longestMs: number
  steps: Record<string, number>
}

/**
 * The renderer's main thread's tasks, by kind, with their rendering steps (ms). The page's
 * main thread is the one that made the user-timing mark `mark` (`performance.mark`), or
 * without one the renderer main thread that ran the most.
 */
export const summarizeTrace = (
  trace: { traceEvents: TraceEvent[] },
  mark?: string,
): Map<string, KindFigures> => {
  const events = trace.traceEvents
  const marked = mark ? events.find((e) => e.name === mark) : undefined
  const mains = events.filter(
    (e) =>
      e.ph === 'M' &&
      e.name === 'thread_name' &&
      e.args?.name === 'CrRendererMain' &&
      (!marked || (e.pid === marked.pid && e.tid === marked.tid)),
  )
  let main: TraceEvent | undefined
  let most = -1
  for (const thread of mains) {
    const busy = events
      .filter((e) => e.pid === thread.pid && e.tid === thread.tid && e.name === 'RunTask')
      .reduce((sum, e) => sum + (e.dur ?? 0), 0)
    if (busy > most) {
      most = busy
      main = thread
    }
  }
  const kinds = new Map<string, KindFigures>()
  if (!main) return kinds
  const own = events
    .filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X')
    .sort((a, b) => a.ts - b.ts)
  for (let i = 0; i < own.length; i++) {
    const task = own[i] as TraceEvent
    if (task.name !== 'RunTask') continue
    const end = task.ts + (task.dur ?? 0)
    const inner: TraceEvent[] = []
    for (let j = i + 1; j < own.length && (own[j] as TraceEvent).ts < end; j++)
      inner.push(own[j] as TraceEvent)
    const kind = kindOf(inner)
    const figures = kinds.get(kind) ?? { tasks: 0, ms: 0, longestMs: 0, steps: {} }
    const ms = (task.dur ?? 0) / 1000
    figures.tasks += 1
    figures.ms += ms
    figures.longestMs = Math.max(figures.longestMs, ms)
    for (const event of inner)
      if ((STEPS as readonly string[]).includes(event.name))
        figures.steps[event.name] = (figures.steps[event.name] ?? 0) + (event.dur ?? 0) / 1000
    kinds.set(kind, figures)
  }
  return kinds
}

/** The summary as text, largest kind first. */
export const formatTraceSummary = (kinds: Map<string, KindFigures>): string =>
  [...kinds]
    .sort((a, b) => b[1].ms - a[1].ms)
    .map(([kind, f]) => {
      const steps = Object.entries(f.steps)
        .sort((a, b) => b[1] - a[1])
        .map(([name, ms]) => `${name} ${ms.toFixed(0)}`)
        .join(', ')
      return `${f.ms.toFixed(0).padStart(7)} ms  ${String(f.tasks).padStart(5)} tasks  longest ${f.longestMs.toFixed(1)} ms  ${kind}${steps ? `\n${' '.repeat(18)}of which ${steps}` : ''}`
    })
    .join('\n')
