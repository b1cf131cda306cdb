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
    loaded.push(
      bodyOf(res).then((body) => ({
        path: new URL(res.url()).pathname,
        gzipBytes: gzipSync(body).byteLength,
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

/** Kilobytes (1,024 bytes) of gzipped script. */
export const totalKB = (scripts: readonly LoadedScript[]) =>
  scripts.reduce((sum, s) => sum + s.gzipBytes, 0) / 1024
