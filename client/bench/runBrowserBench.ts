/**
 * `npm run bench:browser`: the app against a bare Tiptap page on the same ~1 MiB document
 * (1,000 paragraphs of 1 KiB), in Debian's Chromium, A B A B. Measures the time from
 * navigation to an editable editor holding the text (synced from a server), keystroke
 * latency (keydown → the editor's DOM changed, seen by a MutationObserver) while another
 * client edits the same document, and the JavaScript loaded until then, gzipped.
 * The app syncs from Accord (production build); the bare page from @y/websocket-server.
 * Options: --quick, --rounds N, --no-record, --note TEXT.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { gzipSync } from 'node:zlib'
import type { Browser, Page } from 'playwright-core'
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import {
  freePort,
  launchAccord,
  launchReference,
  REPO_ROOT,
  type ServerHandle,
} from '../../server/bench/launchers.js'
import {
  machine,
  type Row,
  recordResults,
  resultsSection,
  textTable,
} from '../../server/bench/report.js'
import { launchBrowser } from '../e2e/utils/browser.js'

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    rounds: { type: 'string' },
    'no-record': { type: 'boolean', default: false },
    note: { type: 'string' },
  },
})
const rounds = Number(args.rounds ?? 2)
const KEYSTROKES = args.quick ? 30 : 80
const log = (message: string) => process.stderr.write(`[bench:browser] ${message}\n`)
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

const PARAGRAPHS = 1000
const MARK = 'TYPEHEREMARK'

/** 1,000 paragraphs of 1 KiB, then the paragraph the bench types into. */
const seedDocument = (): Uint8Array => {
  const doc = new Y.Doc()
  const fragment = doc.getXmlFragment('default')
  const line = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor. '
  const text = line.repeat(Math.ceil(1024 / line.length)).slice(0, 1024)
  doc.transact(() => {
    for (let i = 0; i < PARAGRAPHS; i++) {
      const p = new Y.XmlElement('paragraph')
      p.insert(0, [new Y.XmlText(`${i} ${text}`)])
      fragment.insert(fragment.length, [p])
    }
    const last = new Y.XmlElement('paragraph')
    last.insert(0, [new Y.XmlText(MARK)])
    fragment.insert(fragment.length, [last])
  })
  return Y.encodeStateAsUpdate(doc)
}

/** A Node client with the stock provider, sending the upgrade headers the server wants. */
const nodeProvider = (wsUrl: string, room: string, headers: Record<string, string>) => {
  class HeaderSocket extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, { headers })
    }
  }
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(wsUrl, room, doc, {
    // biome-ignore lint/suspicious/noExplicitAny: the provider types its polyfill as the DOM WebSocket class.
    WebSocketPolyfill: HeaderSocket as any,
  })
  const synced = new Promise<void>((resolve) => provider.once('sync', () => resolve()))
  return { doc, provider, synced }
}

/**
 * Another person editing: a word into a random paragraph every 200 ms, with a caret there,
 * never in the paragraph the bench types into.
 */
const startRemoteEditor = async (wsUrl: string, room: string, headers: Record<string, string>) => {
  const remote = nodeProvider(wsUrl, room, headers)
  await remote.synced
  const fragment = remote.doc.getXmlFragment('default')
  let n = 0
  const timer = setInterval(() => {
    const index = Math.floor(Math.random() * PARAGRAPHS)
    const p = fragment.get(index)
    if (!(p instanceof Y.XmlElement)) return
    const text = p.get(0)
    if (!(text instanceof Y.XmlText)) return
    const at = Math.floor(Math.random() * text.length)
    text.insert(at, `w${n++} `)
    const pos = Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(text, at))
    remote.provider.awareness.setLocalStateField('cursor', { anchor: pos, head: pos })
  }, 200)
  return {
    edits: () => n,
    stop: () => {
      clearInterval(timer)
      remote.provider.destroy()
    },
  }
}

const headerRecord = (headers: readonly string[]): Record<string, string> =>
  Object.fromEntries(
    headers.map((h) => [h.slice(0, h.indexOf(':')).trim(), h.slice(h.indexOf(':') + 1).trim()]),
  )

/** Serves the built bare page. */
const serveStatic = async (dir: string): Promise<{ url: string; close(): void }> => {
  const port = await freePort()
  const types: Record<string, string> = {
    '.html': 'text/html',
    '.js': 'text/javascript',
    '.css': 'text/css',
  }
  const server = http.createServer((req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://x').pathname
    const file = path.join(dir, pathname === '/' ? 'index.html' : pathname)
    if (!file.startsWith(dir) || !existsSync(file)) {
      res.writeHead(404).end()
      return
    }
    res.writeHead(200, { 'Content-Type': types[path.extname(file)] ?? 'application/octet-stream' })
    res.end(readFileSync(file))
  })
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  return { url: `http://127.0.0.1:${port}`, close: () => server.close() }
}

interface PageFigures {
  editableMs: number
  keystrokeP50: number
  keystrokeP95: number
  keystrokes: number
  jsGzipKB: number
  remoteEdits: number
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number
}

/** Opens `url` in a fresh context, waits for an editable editor with the whole text, types. */
const measurePage = async (
  browser: Browser,
  url: string,
  cookie: { name: string; value: string; url: string } | undefined,
  remote: { wsUrl: string; room: string; headers: Record<string, string> },
): Promise<PageFigures> => {
  const context = await browser.newContext()
  if (cookie) await context.addCookies([cookie])
  const page: Page = await context.newPage()
  let jsBytes = 0
  let counting = true
  page.on('response', async (res) => {
    if (res.request().resourceType() !== 'script' || !counting) return
    try {
      jsBytes += gzipSync(await res.body()).byteLength
    } catch {
      // a redirect or an aborted request has no body
    }
  })
  await page.goto(url)
  const editableMs = await page.waitForFunction(
    (mark) => {
      const editor = document.querySelector('.ProseMirror[contenteditable="true"]')
      return editor?.lastElementChild?.textContent?.includes(mark) ? performance.now() : false
    },
    MARK,
    { polling: 'raf', timeout: 60_000 },
  )
  const editable = (await editableMs.jsonValue()) as number
  counting = false
  const editor = await startRemoteEditor(remote.wsUrl, remote.room, remote.headers)
  await page.locator('.ProseMirror p', { hasText: MARK }).last().click()
  await page.keyboard.press('End')
  await page.evaluate((mark) => {
    const w = window as unknown as { __keys: number[]; __pending: number | null }
    w.__keys = []
    w.__pending = null
    document.addEventListener(
      'keydown',
      (e) => {
        if (e.key.length === 1) w.__pending = performance.now()
      },
      true,
    )
    const root = document.querySelector('.ProseMirror') as Element
    new MutationObserver((records) => {
      if (w.__pending === null) return
      for (const r of records) {
        const el =
          r.target.nodeType === Node.TEXT_NODE ? r.target.parentElement : (r.target as Element)
        if (el?.closest('p')?.textContent?.includes(mark)) {
          w.__keys.push(performance.now() - w.__pending)
          w.__pending = null
          return
        }
      }
    }).observe(root, { subtree: true, childList: true, characterData: true })
  }, MARK)
  for (let i = 0; i < KEYSTROKES; i++) {
    await page.keyboard.press(String.fromCharCode(97 + (i % 26)))
    await sleep(60 + Math.random() * 40)
  }
  await sleep(200)
  const keys = (
    await page.evaluate(() => (window as unknown as { __keys: number[] }).__keys)
  ).slice(5)
  const remoteEdits = editor.edits()
  editor.stop()
  await context.close()
  return {
    editableMs: editable,
    keystrokeP50: percentile(keys, 50),
    keystrokeP95: percentile(keys, 95),
    keystrokes: keys.length,
    jsGzipKB: jsBytes / 1024,
    remoteEdits,
  }
}

const seedRoom = async (wsUrl: string, room: string, headers: Record<string, string>) => {
  const seeder = nodeProvider(wsUrl, room, headers)
  await seeder.synced
  Y.applyUpdate(seeder.doc, seedDocument())
  // A second round trip: the server has everything once it answers.
  await sleep(500)
  seeder.provider.destroy()
}

const runApp = async (browser: Browser): Promise<PageFigures> => {
  const server: ServerHandle = await launchAccord({ port: await freePort() })
  try {
    const { rooms, headers } = await server.prepareRooms(1)
    const room = rooms[0] as string
    const hdrs = headerRecord(headers)
    await seedRoom(server.wsUrl, room, hdrs)
    const origin = hdrs.Origin as string
    const [name, value] = (hdrs.Cookie as string).split('=') as [string, string]
    return await measurePage(
      browser,
      `${origin}/documents/${room}`,
      { name, value, url: origin },
      {
        wsUrl: server.wsUrl,
        room,
        headers: hdrs,
      },
    )
  } finally {
    await server.stop()
  }
}

const runBare = async (browser: Browser, pageUrl: string): Promise<PageFigures> => {
  const server = await launchReference({ port: await freePort() })
  try {
    const { rooms } = await server.prepareRooms(1)
    const room = rooms[0] as string
    await seedRoom(server.wsUrl, room, {})
    const url = `${pageUrl}/?ws=${encodeURIComponent(server.wsUrl)}&room=${encodeURIComponent(room)}`
    return await measurePage(browser, url, undefined, { wsUrl: server.wsUrl, room, headers: {} })
  } finally {
    await server.stop()
  }
}

const main = async () => {
  if (!existsSync(path.join(REPO_ROOT, 'client/dist/index.html'))) {
    throw new Error('client/dist is missing: run `npm run build` first')
  }
  log('building the bare reference page')
  const build = spawnSync(
    process.execPath,
    [
      path.join(REPO_ROOT, 'node_modules/vite/bin/vite.js'),
      'build',
      '--config',
      'bench/vite.config.ts',
    ],
    { cwd: path.join(REPO_ROOT, 'client'), stdio: 'inherit' },
  )
  if (build.status !== 0) throw new Error('building the reference page failed')
  const statics = await serveStatic(path.join(REPO_ROOT, 'client/bench/dist'))
  const browser = await launchBrowser()
  const app: PageFigures[] = []
  const bare: PageFigures[] = []
  const details: string[] = []
  const show = (f: PageFigures) =>
    `editable ${f.editableMs.toFixed(0)} ms, keys p50 ${f.keystrokeP50.toFixed(1)} p95 ${f.keystrokeP95.toFixed(1)} ms (n=${f.keystrokes}, ${f.remoteEdits} remote edits), JS ${f.jsGzipKB.toFixed(0)} KB gz`
  try {
    for (let round = 1; round <= rounds; round++) {
      const a = await runApp(browser)
      log(`round ${round}, app: ${show(a)}`)
      details.push(`round ${round}, app: ${show(a)}`)
      app.push(a)
      const b = await runBare(browser, statics.url)
      log(`round ${round}, bare page: ${show(b)}`)
      details.push(`round ${round}, bare page: ${show(b)}`)
      bare.push(b)
    }
  } finally {
    await browser.close()
    statics.close()
  }
  const med = (xs: PageFigures[], pick: (f: PageFigures) => number) => {
    const v = xs.map(pick).sort((x, y) => x - y)
    const mid = Math.floor(v.length / 2)
    return v.length % 2 ? (v[mid] as number) : ((v[mid - 1] as number) + (v[mid] as number)) / 2
  }
  const setting = `browser, ${PARAGRAPHS} paragraphs (~1 MiB), another client editing`
  const rows: Row[] = [
    {
      setting,
      metric: 'navigation → editable with the text, synced from the server',
      unit: 'ms',
      ours: med(app, (f) => f.editableMs),
      reference: med(bare, (f) => f.editableMs),
      target: '< 1500 ms',
    },
    {
      setting,
      metric: 'keystroke keydown → DOM p50',
      unit: 'ms',
      ours: med(app, (f) => f.keystrokeP50),
      reference: med(bare, (f) => f.keystrokeP50),
    },
    {
      setting,
      metric: 'keystroke keydown → DOM p95',
      unit: 'ms',
      ours: med(app, (f) => f.keystrokeP95),
      reference: med(bare, (f) => f.keystrokeP95),
      target: '≤ 1.0×',
    },
    {
      setting,
      metric: 'JavaScript loaded until editable, gzipped',
      unit: 'KB',
      ours: med(app, (f) => f.jsGzipKB),
      reference: med(bare, (f) => f.jsGzipKB),
      target: '≤ 300 KB',
    },
  ]
  const [editable, , p95, js] = rows as [Row, Row, Row, Row]
  editable.met = (editable.ours as number) < 1500
  p95.met = (p95.ours as number) <= (p95.reference as number)
  js.met = (js.ours as number) <= 300
  const machineLine = machine()
  process.stdout.write(`\n${textTable(rows)}\n\nmachine: ${machineLine}\n`)
  if (!args['no-record']) {
    recordResults(
      path.join(REPO_ROOT, 'docs/performance.md'),
      resultsSection({
        title: `, browser (npm run bench:browser${args.quick ? ' -- --quick' : ''})`,
        startedAt: new Date(),
        machine: `${machineLine}; Chromium ${browser.version()}`,
        note: args.note,
        rows,
        details,
      }),
    )
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`bench:browser failed: ${err instanceof Error ? err.stack : String(err)}\n`)
  process.exit(1)
})
