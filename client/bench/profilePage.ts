/**
 * Where a browser row's time goes: runs one scene of `npm run bench:browser` once, with
 * Chromium's sampling profiler on (CDP `Profiler`), and prints the functions with the most
 * self time, grouped by function and script, and by script. Writes the `.cpuprofile` too
 * (open it in Chromium's DevTools, Performance panel). For readable names, build the client
 * unminified first (`cd client && npx vite build --minify false`), then build it again as usual.
 *
 *   npx tsx client/bench/profilePage.ts --scene paragraphs --phase typing --out /tmp/p.cpuprofile
 *
 * Scenes: paragraphs, tables (the app's page on those documents); annotated (the paragraphs
 * document with the bench's 200 comment threads in the margin and the authorship colours on);
 * side-by-side (the translator's view of a 500-clause source and its translation); bare (the
 * bare reference page on the paragraphs document: build it first with
 * `cd client && npx vite build --config bench/vite.config.ts`). Phases: open (navigation →
 * editable with the text), typing (keystrokes while another client edits; in side-by-side, a
 * member types in the source on a page of their own, and the translator's page is profiled,
 * as in the bench's side-by-side row; with --ordinary-view, the page profiled is a second member's
 * ordinary view of the source, the row's comparison).
 * --client DIR serves another build of the client (e.g. an unminified one built with
 * `npx vite build --minify false --outDir DIR`, leaving client/dist as it is).
 * --trace records a Chromium trace of the phase instead and prints the main thread's tasks by
 * kind (keystrokes, WebSocket messages, frames, timers, scripts evaluated) with their style,
 * layout and paint time, and its time by trace event (compiling, parsing, layout, …; each
 * event's own time) (`traceSummary.ts`): what a CPU profile lumps together as "(program)".
 */
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import type { Page } from 'playwright-core'
import { freePort, launchAccord, launchReference } from '../../server/bench/launchers.js'
import { launchBrowser } from '../e2e/utils/browser.js'
import { clauseDocument, paragraphDocument } from './benchDocuments.js'
import { postThreads, THREADS } from './benchThreads.js'
import {
  browserCookie,
  headerRecord,
  MARK,
  measureKeystrokes,
  openContext,
  seedRoom,
  waitEditable,
} from './pageMeasures.js'
import { serveStatic } from './serveStatic.js'
import { formatTraceSummary, summarizeTrace } from './traceSummary.js'
import { addMarkedTranslation, SOURCE_SHAPE } from './translationScene.js'

const { values: args } = parseArgs({
  options: {
    scene: { type: 'string', default: 'paragraphs' },
    phase: { type: 'string', default: 'typing' },
    out: { type: 'string' },
    top: { type: 'string', default: '40' },
    trace: { type: 'boolean', default: false },
    client: { type: 'string' },
    'ordinary-view': { type: 'boolean', default: false },
  },
})

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }
  children?: number[]
}
interface Profile {
  nodes: ProfileNode[]
  samples: number[]
  timeDeltas: number[]
  startTime: number
  endTime: number
}

/** Self time per key, in ms, largest first. */
const selfTimes = (profile: Profile, keyOf: (node: ProfileNode) => string) => {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]))
  const totals = new Map<string, number>()
  profile.samples.forEach((id, i) => {
    const node = byId.get(id)
    if (!node) return
    const key = keyOf(node)
    totals.set(key, (totals.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000)
  })
  return [...totals].sort((a, b) => b[1] - a[1])
}

/** Total (inclusive) time per key, in ms, largest first: a key counts once per sample. */
const totalTimes = (profile: Profile, keyOf: (node: ProfileNode) => string) => {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]))
  const parent = new Map<number, number>()
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parent.set(child, node.id)
  const totals = new Map<string, number>()
  profile.samples.forEach((id, i) => {
    const seen = new Set<string>()
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const node = byId.get(at)
      if (node) seen.add(keyOf(node))
    }
    for (const key of seen)
      totals.set(key, (totals.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000)
  })
  return [...totals].sort((a, b) => b[1] - a[1])
}

const script = (url: string) => url.slice(url.lastIndexOf('/') + 1) || '(native)'

const TRACE_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'toplevel',
  'v8',
  // V8.CompileCode, V8.ParseFunction and the like: what a CPU profile shows as "(program)".
  'disabled-by-default-v8.compile',
  'blink.user_timing',
]

/** The CPU profile of `page` while `run` runs (it may drive another page), or with --trace none (the trace's summary is printed instead). */
const profiled = async (page: Page, run: () => Promise<void>): Promise<Profile | undefined> => {
  if (args.trace) {
    const browser = page.context().browser()
    if (!browser) throw new Error('no browser to trace')
    await browser.startTracing(page, { categories: TRACE_CATEGORIES })
    // Names the profiled page's main thread in the trace (another page may be busier). Not
    // before the page's navigation: the page then gets a renderer of its own.
    const opened = page.url() !== 'about:blank'
    if (opened) await page.evaluate(() => performance.mark('accord-profiled-page'))
    await run()
    const trace = JSON.parse((await browser.stopTracing()).toString('utf8'))
    if (args.out) writeFileSync(args.out, JSON.stringify(trace))
    const summary = summarizeTrace(trace, opened ? 'accord-profiled-page' : undefined)
    process.stdout.write(`${formatTraceSummary(summary, Number(args.top))}\n`)
    return undefined
  }
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Profiler.enable')
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 })
  await cdp.send('Profiler.start')
  await run()
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile }
  return profile
}

const main = async () => {
  const bare = args.scene === 'bare'
  const accord = bare
    ? undefined
    : await launchAccord({
        port: await freePort(),
        env: args.client ? { CLIENT_DIST: path.resolve(args.client) } : {},
      })
  const server = accord ?? (await launchReference({ port: await freePort() }))
  const statics = bare ? await serveStatic(path.join(import.meta.dirname, 'dist')) : undefined
  const browser = await launchBrowser()
  try {
    const { rooms, headers } = await server.prepareRooms(1)
    const hdrs = bare ? {} : headerRecord(headers)
    let url: string
    let editors = ['.ProseMirror']
    let room = rooms[0] as string
    let authorship: string | undefined
    let sourceUrl: string | undefined
    if (args.scene === 'side-by-side' && accord) {
      const created = await accord.adminCall('POST', '/api/documents', { title: 'Стандарт' })
      const { id } = (await created.json()) as { id: string }
      room = id
      await seedRoom(server.wsUrl, id, hdrs, clauseDocument(SOURCE_SHAPE))
      const translationId = await addMarkedTranslation(accord, id, SOURCE_SHAPE)
      url = `${accord.url}/documents/${translationId}/side-by-side`
      sourceUrl = `${accord.url}/documents/${id}`
      editors = ['#editor-source', '#editor']
      // The bench row's comparison: a second member with the source in the ordinary view.
      if (args['ordinary-view']) {
        url = sourceUrl
        editors = ['.ProseMirror']
      }
    } else if (statics) {
      await seedRoom(server.wsUrl, room, hdrs, paragraphDocument())
      url = `${statics.url}/?ws=${encodeURIComponent(server.wsUrl)}&room=${encodeURIComponent(room)}`
    } else {
      const update =
        args.scene === 'tables'
          ? clauseDocument({ clauses: 1000, bodyChars: 500, tableEvery: 20 })
          : paragraphDocument()
      await seedRoom(server.wsUrl, room, hdrs, update)
      url = `${hdrs.Origin}/documents/${room}`
      if (args.scene === 'annotated') {
        await postThreads(hdrs.Origin as string, room, hdrs, update, THREADS)
        const me = await fetch(`${hdrs.Origin}/api/me`, { headers: hdrs })
        const { user } = (await me.json()) as { user: { id: string } }
        authorship = `localStorage.setItem(${JSON.stringify(`accord.authorship.${user.id}`)}, 'on')`
      }
    }
    const { context, page } = await openContext(browser, bare ? undefined : browserCookie(hdrs))
    if (authorship) await context.addInitScript(authorship)
    let profile: Profile | undefined
    if (args.phase === 'open') {
      let editable = 0
      profile = await profiled(page, async () => {
        await page.goto(url)
        editable = await waitEditable(page, editors, MARK)
      })
      process.stdout.write(`editable after ${editable.toFixed(0)} ms\n`)
    } else {
      await page.goto(url)
      await waitEditable(page, editors, MARK)
      // In side-by-side the typist is another member on the source; the translator's page is profiled.
      const typist = sourceUrl ? await openContext(browser, browserCookie(hdrs)) : undefined
      if (typist && sourceUrl) {
        await typist.page.goto(sourceUrl)
        await waitEditable(typist.page, ['.ProseMirror'], MARK)
      }
      let figures = ''
      profile = await profiled(page, async () => {
        const keys = await measureKeystrokes(typist?.page ?? page, 80, {
          wsUrl: server.wsUrl,
          room,
          headers: hdrs,
        })
        figures = `keys p50 ${keys.keystrokeP50.toFixed(1)} p95 ${keys.keystrokeP95.toFixed(1)} ms`
      })
      process.stdout.write(`${figures}\n`)
      await typist?.context.close()
    }
    await context.close()
    if (!profile) return
    if (args.out) writeFileSync(args.out, JSON.stringify(profile))
    const total = (profile.endTime - profile.startTime) / 1000
    const top = Number(args.top)
    process.stdout.write(`profiled ${total.toFixed(0)} ms\n\nself time by script (ms):\n`)
    for (const [key, ms] of selfTimes(profile, (n) => script(n.callFrame.url)).slice(0, 12))
      process.stdout.write(`${ms.toFixed(1).padStart(9)}  ${key}\n`)
    process.stdout.write('\nself time by function (ms):\n')
    const byFunction = selfTimes(
      profile,
      (n) =>
        `${n.callFrame.functionName || '(anonymous)'}  ${script(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`,
    )
    for (const [key, ms] of byFunction.slice(0, top))
      process.stdout.write(`${ms.toFixed(1).padStart(9)}  ${key}\n`)
    process.stdout.write('\ntotal time by function, callees included (ms):\n')
    const functionKey = (n: ProfileNode) =>
      `${n.callFrame.functionName || '(anonymous)'}  ${script(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`
    for (const [key, ms] of totalTimes(profile, functionKey).slice(0, top))
      process.stdout.write(`${ms.toFixed(1).padStart(9)}  ${key}\n`)
  } finally {
    await browser.close()
    statics?.close()
    await server.stop()
  }
}

// Exits when done: a socket of the remote editor can keep the event loop alive.
main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`profilePage failed: ${err instanceof Error ? err.stack : String(err)}\n`)
    process.exit(1)
  },
)
