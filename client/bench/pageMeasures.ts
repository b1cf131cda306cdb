/**
 * What every `npm run bench:browser` row measures in a page, whichever document and server:
 * the time until editors are editable with the whole text, keystroke latency (keydown → the
 * typed paragraph's DOM changed, seen by a MutationObserver) while another client edits the
 * same document, and the JavaScript loaded until editable, gzipped.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core'
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { askedBy, countScripts, epochOf, totalKB } from './scriptsLoaded.js'

/** The text of the paragraph the bench types into; always the document's last paragraph. */
export const MARK = 'TYPEHEREMARK'

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

export const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number
}

/** A Node client with the stock provider, sending the upgrade headers the server wants. */
export const nodeProvider = (wsUrl: string, room: string, headers: Record<string, string>) => {
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

/** Writes `update` into the room, and returns once the server has it. */
export const seedRoom = async (
  wsUrl: string,
  room: string,
  headers: Record<string, string>,
  update: Uint8Array,
) => {
  const seeder = nodeProvider(wsUrl, room, headers)
  await seeder.synced
  Y.applyUpdate(seeder.doc, update)
  // A second round trip: the server has everything once it answers.
  await sleep(500)
  seeder.provider.destroy()
}

/** Every paragraph's text in the body (in clauses and table cells too), but the typed one. */
const paragraphTexts = (fragment: Y.XmlFragment): Y.XmlText[] => {
  const found: Y.XmlText[] = []
  const walk = (node: Y.XmlElement | Y.XmlFragment) => {
    for (const child of node.toArray()) {
      if (!(child instanceof Y.XmlElement)) continue
      if (child.nodeName === 'paragraph') {
        const text = child.get(0)
        if (text instanceof Y.XmlText && !text.toString().includes(MARK)) found.push(text)
      } else walk(child)
    }
  }
  walk(fragment)
  return found
}

/**
 * Another person editing: a word into a random paragraph every 200 ms, with a caret there,
 * never in the paragraph the bench types into.
 */
export const startRemoteEditor = async (
  wsUrl: string,
  room: string,
  headers: Record<string, string>,
) => {
  const remote = nodeProvider(wsUrl, room, headers)
  await remote.synced
  const texts = paragraphTexts(remote.doc.getXmlFragment('default'))
  let n = 0
  const timer = setInterval(() => {
    const text = texts[Math.floor(Math.random() * texts.length)]
    if (!text) return
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

export const headerRecord = (headers: readonly string[]): Record<string, string> =>
  Object.fromEntries(
    headers.map((h) => [h.slice(0, h.indexOf(':')).trim(), h.slice(h.indexOf(':') + 1).trim()]),
  )

/** The browser cookie for `Cookie: name=value` headers, on `origin`. */
export const browserCookie = (headers: Record<string, string>) => {
  const origin = headers.Origin as string
  const [name, value] = (headers.Cookie as string).split('=') as [string, string]
  return { name, value, url: origin }
}

/** A fresh context (no local data), signed in with `cookie` when given. */
export const openContext = async (
  browser: Browser,
  cookie?: { name: string; value: string; url: string },
): Promise<{ context: BrowserContext; page: Page }> => {
  const context = await browser.newContext()
  if (cookie) await context.addCookies([cookie])
  return { context, page: await context.newPage() }
}

/**
 * Resolves with the page's clock (ms since navigation) once every editor in `selectors` is
 * editable and its last block holds `mark`: the whole text has arrived.
 */
export const waitEditable = async (
  page: Page,
  selectors: readonly string[],
  mark: string,
): Promise<number> => {
  const handle = await page.waitForFunction(
    ({ selectors, mark }) =>
      selectors.every((selector) => {
        const editor = document.querySelector(`${selector}[contenteditable="true"]`)
        return editor?.lastElementChild?.textContent?.includes(mark)
      })
        ? performance.now()
        : false,
    { selectors: [...selectors], mark },
    { polling: 'raf', timeout: 120_000 },
  )
  return (await handle.jsonValue()) as number
}

export interface KeystrokeFigures {
  keystrokeP50: number
  keystrokeP95: number
  keystrokes: number
  remoteEdits: number
}

/**
 * Types `count` letters at the end of the paragraph holding MARK while a Node client edits
 * elsewhere in the same room; the first 5 latencies are dropped (warm-up).
 */
export const measureKeystrokes = async (
  page: Page,
  count: number,
  remote: { wsUrl: string; room: string; headers: Record<string, string> },
): Promise<KeystrokeFigures> => {
  // The caret is placed before the other client starts: its edits shift the layout, and a
  // click during a shift can land in another paragraph. Blocks drawn for the first time as
  // the page scrolls to the last one (the app draws off-screen blocks only when shown) can
  // shift it too, so a click that missed is tried again.
  let placed = false
  for (let attempt = 0; attempt < 3 && !placed; attempt++) {
    await page.locator('.ProseMirror p', { hasText: MARK }).last().click()
    await page.keyboard.press('End')
    placed = await page.evaluate(
      (mark) =>
        window.getSelection()?.anchorNode?.parentElement?.closest('p')?.textContent === mark,
      MARK,
    )
  }
  if (!placed) throw new Error('the click did not put the caret in the typed paragraph')
  const editor = await startRemoteEditor(remote.wsUrl, remote.room, remote.headers)
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
  for (let i = 0; i < count; i++) {
    await page.keyboard.press(String.fromCharCode(97 + (i % 26)))
    await sleep(60 + Math.random() * 40)
  }
  await sleep(200)
  const keys = (
    await page.evaluate(() => (window as unknown as { __keys: number[] }).__keys)
  ).slice(5)
  const remoteEdits = editor.edits()
  editor.stop()
  if (keys.length === 0) throw new Error('no keystroke was seen in the typed paragraph')
  return {
    keystrokeP50: percentile(keys, 50),
    keystrokeP95: percentile(keys, 95),
    keystrokes: keys.length,
    remoteEdits,
  }
}

export interface PageFigures extends KeystrokeFigures {
  editableMs: number
  jsGzipKB: number
}

/** Opens `url` in a fresh context, waits for an editable editor with the whole text, types. */
export const measurePage = async (
  browser: Browser,
  url: string,
  cookie: { name: string; value: string; url: string } | undefined,
  remote: { wsUrl: string; room: string; headers: Record<string, string> },
  keystrokes: number,
  /** Runs in every page of the context before the app's scripts (e.g. a remembered view setting). */
  initScript?: string,
): Promise<PageFigures> => {
  const { context, page } = await openContext(browser, cookie)
  if (initScript) await context.addInitScript(initScript)
  const scripts = countScripts(page)
  await page.goto(url)
  const editableMs = await waitEditable(page, ['.ProseMirror'], MARK)
  const jsGzipKB = totalKB(askedBy(await scripts.stop(), await epochOf(page, editableMs)))
  const keys = await measureKeystrokes(page, keystrokes, remote)
  await context.close()
  return { editableMs, jsGzipKB, ...keys }
}

/** Median of one figure over runs. */
export const medianOf = <T>(runs: readonly T[], pick: (run: T) => number) => {
  const v = runs.map(pick).sort((x, y) => x - y)
  const mid = Math.floor(v.length / 2)
  return v.length % 2 ? (v[mid] as number) : ((v[mid - 1] as number) + (v[mid] as number)) / 2
}
