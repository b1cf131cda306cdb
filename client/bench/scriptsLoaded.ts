/**
 * The scripts a page loads until the bench stops counting, each gzipped at the default level
 * (how the bench's "JavaScript loaded until editable" row counts them). The body comes from
 * the browser, or, when the browser no longer holds it (under load Chromium's DevTools can
 * drop a body before it is read, which once made the row undercount by ~60 KB), from the
 * same URL fetched again: the build's scripts are static files.
 */
import { gzipSync } from 'node:zlib'
import type { Page, Response } from 'playwright-core'

export interface LoadedScript {
  path: string
  gzipBytes: number
  /** When the page asked for it, ms since the epoch. */
  askedAt: number
}

const bodyOf = async (res: Response): Promise<Buffer> => {
  try {
    return await res.body()
  } catch {
    const again = await fetch(res.url())
    if (!again.ok) throw new Error(`${res.url()} answered ${again.status} when fetched again`)
    return Buffer.from(await again.arrayBuffer())
  }
}

/** Starts counting; `stop()` ends it and resolves with every script loaded until then. */
export const countScripts = (page: Page) => {
  const loaded: Promise<LoadedScript>[] = []
  let counting = true
  page.on('response', (res) => {
    if (!counting || res.request().resourceType() !== 'script') return
    // A redirect has no body; its target is counted when it arrives.
    if (res.status() >= 300 && res.status() < 400) return
    const askedAt = res.request().timing().startTime
    loaded.push(
      bodyOf(res).then((body) => ({
        path: new URL(res.url()).pathname,
        gzipBytes: gzipSync(body).byteLength,
        askedAt,
      })),
    )
  })
  return {
    stop: (): Promise<LoadedScript[]> => {
      counting = false
      return Promise.all(loaded)
    },
  }
}

/**
 * The scripts asked for by `moment` (ms since the epoch, e.g. when the page was editable): one
 * asked for after it, while the bench was still hearing of it, was not needed to get there.
 */
export const askedBy = (scripts: readonly LoadedScript[], moment: number) =>
  scripts.filter((s) => s.askedAt <= moment)

/** When `page` was `ms` into its navigation, in ms since the epoch (as `askedAt`). */
export const epochOf = async (page: Page, ms: number) =>
  ms + (await page.evaluate(() => performance.timeOrigin))

/** Kilobytes (1,024 bytes) of gzipped script. */
export const totalKB = (scripts: readonly LoadedScript[]) =>
  scripts.reduce((sum, s) => sum + s.gzipBytes, 0) / 1024
