/**
 * Where the page's main thread spends its time, from a Chromium trace (`browser.startTracing`
 * with the devtools.timeline categories): each task of the renderer's main thread is put in a
 * kind by what it ran (a keystroke's input events, a WebSocket message, a timer, an animation
 * frame, the rendering of a frame, …), and for each kind the time in JavaScript-free rendering
 * steps (style, layout, paint) is summed. A CPU profile puts all of rendering in "(program)";
 * this splits it, and splits local typing from the handling of remote edits. Beside the kinds,
 * the main thread's time by trace event, each event's own time without the events inside it:
 * with V8's compile category traced, that tells compiling and parsing from running script.
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

/** The kind an event tells of its task, if any. */
const kindTold = (event: TraceEvent): string | undefined => {
  const type = event.args?.data?.type
  if (event.name === 'EventDispatch' && type)
    return KEY_EVENTS.has(type) ? 'keystroke (input events)' : `event ${type}`
  if (event.name === 'TimerFire') return 'timer'
  if (event.name === 'FireAnimationFrame') return 'animation frame callback'
  if (event.name === 'FireIdleCallback') return 'idle callback'
  if (event.name === 'UpdateLayoutTree' || event.name === 'Layout' || event.name === 'Paint')
    return 'rendering a frame'
  if (event.name === 'v8.gc' || event.name === 'MajorGC' || event.name === 'MinorGC')
    return 'garbage collection'
  if (event.name === 'v8.evaluateModule' || event.name === 'EvaluateScript')
    return 'evaluating a script'
  if (event.name === 'ParseHTML') return 'parsing HTML'
  // Script run by something not named above (a resource's callback, a message channel).
  if (event.name === 'FunctionCall') return 'script'
  return undefined
}

/**
 * What a task ran: the kind told by its longest telling event (a task that begins with a
 * young-generation collection and then evaluates a module is the evaluation). A task that
 * received a WebSocket message (an instant event, so not among these) is that message's.
 */
const kindOf = (inner: readonly TraceEvent[]): string => {
  let kind: string | undefined
  let longest = -1
  for (const event of inner) {
    const told = kindTold(event)
    if (told && (event.dur ?? 0) > longest) {
      kind = told
      longest = event.dur ?? 0
    }
  }
  if (kind) return kind
  const named = inner.find((event) => event.name !== 'RunTask')
  return named ? `other (${named.name})` : 'other'
}

/** Each event's own time (ms): its duration less that of the events nested in it, summed by name. */
const ownTimeByEvent = (own: readonly TraceEvent[]): Map<string, number> => {
  const totals = new Map<string, number>()
  const open: TraceEvent[] = []
  const add = (name: string, us: number) => totals.set(name, (totals.get(name) ?? 0) + us / 1000)
  for (const event of own) {
    let parent = open.at(-1)
    while (parent && parent.ts + (parent.dur ?? 0) <= event.ts) {
      open.pop()
      parent = open.at(-1)
    }
    if (parent) add(parent.name, -(event.dur ?? 0))
    add(event.name, event.dur ?? 0)
    open.push(event)
  }
  return totals
}

export interface KindFigures {
  tasks: number
  ms: number
  longestMs: number
  steps: Record<string, number>
}

export interface TraceSummary {
  kinds: Map<string, KindFigures>
  /** The main thread's time by trace event name, each event's own (ms). */
  ownTime: Map<string, number>
}

/**
 * The renderer's main thread's tasks, by kind, with their rendering steps (ms). The page's
 * main thread is the one that made the user-timing mark `mark` (`performance.mark`), or
 * without one the renderer main thread that ran the most script (another renderer, the one the
 * blank page had before the navigation, may run more tasks).
 */
export const summarizeTrace = (
  trace: { traceEvents: TraceEvent[] },
  mark?: string,
): TraceSummary => {
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
      .filter((e) => e.pid === thread.pid && e.tid === thread.tid && e.name === 'FunctionCall')
      .reduce((sum, e) => sum + (e.dur ?? 0), 0)
    if (busy > most) {
      most = busy
      main = thread
    }
  }
  const kinds = new Map<string, KindFigures>()
  if (!main) return { kinds, ownTime: new Map() }
  // Longer first among events that start together, so that an event comes before those inside it.
  const own = events
    .filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X')
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0))
  const received = events
    .filter((e) => e.pid === main.pid && e.tid === main.tid && e.name === 'WebSocketReceive')
    .map((e) => e.ts)
  for (let i = 0; i < own.length; i++) {
    const task = own[i] as TraceEvent
    if (task.name !== 'RunTask') continue
    const end = task.ts + (task.dur ?? 0)
    const inner: TraceEvent[] = []
    for (let j = i + 1; j < own.length && (own[j] as TraceEvent).ts < end; j++)
      inner.push(own[j] as TraceEvent)
    const kind = received.some((ts) => ts >= task.ts && ts < end)
      ? 'WebSocket message'
      : kindOf(inner)
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
  return { kinds, ownTime: ownTimeByEvent(own) }
}

/** The kinds as text, largest first, with their rendering steps. */
const formatKinds = (kinds: Map<string, KindFigures>): string =>
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

/** The summary as text: the kinds, largest first, then the `top` events with the most own time. */
export const formatTraceSummary = ({ kinds, ownTime }: TraceSummary, top = 25): string =>
  `main thread by task kind:\n${formatKinds(kinds)}\n\nmain thread by trace event, own time (ms):\n${[
    ...ownTime,
  ]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([name, ms]) => `${ms.toFixed(1).padStart(8)}  ${name}`)
    .join('\n')}`
