/**
 * Where a browser row's time goes: runs one scene of `npm run bench:browser` once, with
 * Chromium's sampling profiler on (CDP `Profiler`), and prints the functions with the most
 * self time, grouped by function and script, and by script. Writes the `.cpuprofile` too
 * (open it in Chromium's DevTools, Performance panel). For readable names, build the client
 * unminified first (`cd client && npx vite build --minify false`), then build it again as usual.
 *
 *   npx tsx client/bench/profilePage.ts --scene paragraphs --phase typing --out /tmp/p.cpuprofile
 *
 * Scenes: paragraphs, tables (the app's page on those documents); side-by-side (the
 * translator's view of a 500-clause source and its translation). Phases: open (navigation →
 * editable with the text), typing (keystrokes while another client edits; not side-by-side).
 */
import { writeFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import type { Page } from 'playwright-core'
import { freePort, launchAccord } from '../../server/bench/launchers.js'
import { launchBrowser } from '../e2e/utils/browser.js'
import { clauseDocument, paragraphDocument } from './benchDocuments.js'
import {
  browserCookie,
  headerRecord,
  MARK,
  measureKeystrokes,
  openContext,
  seedRoom,
  waitEditable,
} from './pageMeasures.js'
import { addMarkedTranslation, SOURCE_SHAPE } from './translationScene.js'

const { values: args } = parseArgs({
  options: {
    scene: { type: 'string', default: 'paragraphs' },
    phase: { type: 'string', default: 'typing' },
    out: { type: 'string' },
    top: { type: 'string', default: '40' },
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

const profiled = async (page: Page, run: () => Promise<void>): Promise<Profile> => {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Profiler.enable')
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 })
  await cdp.send('Profiler.start')
  await run()
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile }
  return profile
}

const main = async () => {
  const server = await launchAccord({ port: await freePort() })
  const browser = await launchBrowser()
  try {
    const { rooms, headers } = await server.prepareRooms(1)
    const hdrs = headerRecord(headers)
    let url: string
    let editors = ['.ProseMirror']
    let room = rooms[0] as string
    if (args.scene === 'side-by-side') {
      const created = await server.adminCall('POST', '/api/documents', { title: 'Стандарт' })
      const { id } = (await created.json()) as { id: string }
      room = id
      await seedRoom(server.wsUrl, id, hdrs, clauseDocument(SOURCE_SHAPE))
      const translationId = await addMarkedTranslation(server, id, SOURCE_SHAPE)
      url = `${server.url}/documents/${translationId}/side-by-side`
      editors = ['#editor-source', '#editor']
    } else {
      const update =
        args.scene === 'tables'
          ? clauseDocument({ clauses: 1000, bodyChars: 500, tableEvery: 20 })
          : paragraphDocument()
      await seedRoom(server.wsUrl, room, hdrs, update)
      url = `${hdrs.Origin}/documents/${room}`
    }
    const { context, page } = await openContext(browser, browserCookie(hdrs))
    let profile: Profile
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
      let figures = ''
      profile = await profiled(page, async () => {
        const keys = await measureKeystrokes(page, 80, {
          wsUrl: server.wsUrl,
          room,
          headers: hdrs,
        })
        figures = `keys p50 ${keys.keystrokeP50.toFixed(1)} p95 ${keys.keystrokeP95.toFixed(1)} ms`
      })
      process.stdout.write(`${figures}\n`)
    }
    await context.close()
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
    await server.stop()
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`profilePage failed: ${err instanceof Error ? err.stack : String(err)}\n`)
  process.exit(1)
})
