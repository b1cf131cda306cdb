/**
 * The language-version rows of `npm run bench:browser` (issue 17), on a fresh Accord each:
 * a 500-clause Russian source (SOURCE_SHAPE). With a translation: an English version filled from the
 * source, every clause marked translated, and a translator with the side-by-side view open
 * (timed from navigation until both columns are editable with the whole text). Without: a
 * second member has the source open in the ordinary view instead, so both runs have the same
 * number of pages open on this machine. Then a member types in the source while another
 * client edits it, and the keystroke latency is measured as in every other row: with a
 * translation, each of those edits makes the translator's page recompute the alignment.
 */
import type { Browser } from 'playwright-core'
import { type AccordHandle, freePort, launchAccord } from '../../server/bench/launchers.js'
import { type ClauseDocumentShape, clauseDocument } from './benchDocuments.js'
import {
  browserCookie,
  MARK,
  measurePage,
  openContext,
  type PageFigures,
  seedRoom,
  waitEditable,
} from './pageMeasures.js'

export const SOURCE_SHAPE: ClauseDocumentShape = { clauses: 500, bodyChars: 400 }

export interface TranslationSceneFigures {
  /** The typist's page on the source. */
  source: PageFigures
  /** Navigation → both columns editable; only with a translation. */
  sideBySideMs?: number
  /** The translator's counts line after the typing, to show staleness was tracked. */
  translatorCounts?: string
  /**
   * The second page's main thread while the typist opened the source and typed (the
   * translator's view with a translation, the member's ordinary view without): ms busy per
   * second (Chromium's TaskDuration), what that page takes from the machine the typist shares.
   */
  viewerBusyMsPerS: number
}

/** An English version of `sourceId`, filled from it, every clause marked translated; its id. */
export const addMarkedTranslation = async (
  server: AccordHandle,
  sourceId: string,
  shape: ClauseDocumentShape,
): Promise<string> => {
  const call = async <T>(method: string, route: string, body?: unknown) =>
    (await (await server.adminCall(method, route, body)).json()) as T
  const { document } = await call<{ document: { id: string } }>(
    'POST',
    `/api/documents/${sourceId}/languages`,
    { language: 'en', fill: 'source' },
  )
  const ids = [...Array.from({ length: shape.clauses }, (_, i) => `c${i}`), 'last']
  for (const id of ids)
    await call('POST', `/api/documents/${document.id}/clauses/${id}/translated`, {})
  return document.id
}

export const runTranslationScene = async (
  browser: Browser,
  {
    withTranslation,
    keystrokes,
    shape,
    clientDist,
  }: {
    withTranslation: boolean
    keystrokes: number
    shape: ClauseDocumentShape
    /** Another build of the client to serve (`--compare-client`); default this worktree's. */
    clientDist?: string
  },
): Promise<TranslationSceneFigures> => {
  const server = await launchAccord({
    port: await freePort(),
    env: clientDist ? { CLIENT_DIST: clientDist } : {},
  })
  try {
    const call = async <T>(method: string, route: string, body?: unknown) =>
      (await (await server.adminCall(method, route, body)).json()) as T
    const typist = await server.accountHeaders('member')
    const second = await server.accountHeaders('member')
    const { id: sourceId } = await call<{ id: string }>('POST', '/api/documents', {
      title: 'Стандарт',
    })
    await seedRoom(server.wsUrl, sourceId, typist, clauseDocument(shape))

    let secondUrl = `${server.url}/documents/${sourceId}`
    let secondEditors = ['.ProseMirror']
    if (withTranslation) {
      const translationId = await addMarkedTranslation(server, sourceId, shape)
      secondUrl = `${server.url}/documents/${translationId}/side-by-side`
      secondEditors = ['#editor-source', '#editor']
    }
    const viewer = await openContext(browser, browserCookie(second))
    try {
      await viewer.page.goto(secondUrl)
      const openedMs = await waitEditable(viewer.page, secondEditors, MARK)
      const cdp = await viewer.context.newCDPSession(viewer.page)
      await cdp.send('Performance.enable')
      const busySeconds = async () => {
        const { metrics } = await cdp.send('Performance.getMetrics')
        return metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0
      }
      const busyBefore = await busySeconds()
      const startedAt = performance.now()
      const source = await measurePage(
        browser,
        `${server.url}/documents/${sourceId}`,
        browserCookie(typist),
        { wsUrl: server.wsUrl, room: sourceId, headers: typist },
        keystrokes,
      )
      const viewerBusyMsPerS =
        ((await busySeconds()) - busyBefore) / ((performance.now() - startedAt) / 1e6)
      if (!withTranslation) return { source, viewerBusyMsPerS }
      return {
        source,
        viewerBusyMsPerS,
        sideBySideMs: openedMs,
        translatorCounts: (await viewer.page.locator('.translation-counts').textContent()) ?? '',
      }
    } finally {
      await viewer.context.close()
    }
  } finally {
    await server.stop()
  }
}
