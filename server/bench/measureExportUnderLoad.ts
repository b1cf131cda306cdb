/**
 * Issue 16: an export of 500 clauses while 50 people type. Setting (a)'s load (one document,
 * 50 clients × 2 edits/s, the shared harness) on a fresh Accord, once with DOCX exports of
 * another, 500-clause document requested one after another throughout the run, and once
 * without; the harness's fan-out p99 of the two runs is the cost of exporting to everyone
 * typing.
 */

import { connectClient, headerRecord } from './benchClient.js'
import { fiftyTypists, type HarnessResult } from './harness.js'
import { type AccordHandle, freePort, launchAccord } from './launchers.js'
import { clauseDocument } from './measureLargeDocument.js'

export interface ExportUnderLoad {
  harness: HarnessResult
  /** Exports that completed during the run (0 without exports). */
  exports: number
  /** Median time of one export (ms), when there were any. */
  exportMs?: number
  failedExports: number
}

const EXPORTED_CLAUSES = 500

export const measureExportUnderLoad = async (
  withExports: boolean,
  seconds: number,
): Promise<ExportUnderLoad> => {
  const server = (await launchAccord({
    port: await freePort(),
    // Many exports in a minute from one account: the per-account limit is not what is measured.
    env: { EXPORTS_PER_MINUTE: '100000' },
  })) as AccordHandle
  try {
    const { rooms, headers } = await server.prepareRooms(2)
    const [typed, exported] = rooms as [string, string]
    const upgrade = headerRecord(headers)
    const writer = await connectClient(`${server.wsUrl}/${exported}`, upgrade)
    writer.send(clauseDocument(EXPORTED_CLAUSES))
    await writer.roundTrip()
    await writer.close()
    let done = false
    const times: number[] = []
    let failedExports = 0
    const exporting = (async () => {
      while (withExports && !done) {
        const started = performance.now()
        const res = await fetch(`${server.url}/api/documents/${exported}/export?format=docx`, {
          headers: { cookie: upgrade.Cookie as string },
        }).catch(() => undefined)
        await res?.arrayBuffer()
        if (res?.ok) times.push(performance.now() - started)
        else failedExports++
      }
    })()
    const harness = await fiftyTypists(server, typed, headers, seconds)
    done = true
    await exporting
    const sorted = [...times].sort((a, b) => a - b)
    return {
      harness,
      exports: times.length,
      exportMs: sorted.length > 0 ? sorted[Math.floor(sorted.length / 2)] : undefined,
      failedExports,
    }
  } finally {
    await server.stop()
  }
}
