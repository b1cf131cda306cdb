/**
 * How long one export holds up everyone else: a fresh built server (`npm run build` first)
 * with a long document (5,000 clauses, about 10 MiB of state, by default), exported several
 * times one after another while a bystander in another document asks the server for a sync
 * round trip every 5 ms. Prints, for each export, its time and the bystander's longest and
 * median round trip during it: the longest is the main thread's longest stall. Not part of
 * `npm test`; prints only. From the repository root:
 *   npx tsx server/bench/measureExportStall.ts [--clauses 5000] [--exports 3] [--format html]
 */
import { parseArgs } from 'node:util'
import { connectClient, headerRecord } from './benchClient.js'
import { type AccordHandle, freePort, launchAccord } from './launchers.js'
import { clauseDocument } from './measureLargeDocument.js'

const { values: args } = parseArgs({
  options: {
    clauses: { type: 'string', default: '5000' },
    exports: { type: 'string', default: '3' },
    format: { type: 'string', default: 'html' },
  },
})

const server = (await launchAccord({
  port: await freePort(),
  // Many exports from one account, and the whole document seeded in one frame.
  env: { EXPORTS_PER_MINUTE: '100000', MAX_MESSAGE_BYTES: String(64 * 1024 * 1024) },
})) as AccordHandle
try {
  const { rooms, headers } = await server.prepareRooms(2)
  const [bystanderRoom, exported] = rooms as [string, string]
  const upgrade = headerRecord(headers)
  const seeder = await connectClient(`${server.wsUrl}/${exported}`, upgrade)
  seeder.send(clauseDocument(Number(args.clauses)))
  await seeder.roundTrip()
  await seeder.close()
  const bystander = await connectClient(`${server.wsUrl}/${bystanderRoom}`, upgrade)
  for (let n = 1; n <= Number(args.exports); n++) {
    let exporting = true
    const trips: number[] = []
    const probing = (async () => {
      while (exporting) {
        const started = performance.now()
        await bystander.roundTrip()
        trips.push(performance.now() - started)
        await new Promise((resolve) => setTimeout(resolve, 5))
      }
    })()
    const started = performance.now()
    const res = await fetch(
      `${server.url}/api/documents/${exported}/export?format=${args.format}`,
      { headers: { cookie: upgrade.Cookie as string } },
    )
    await res.arrayBuffer()
    const exportMs = performance.now() - started
    exporting = false
    await probing
    trips.sort((a, b) => a - b)
    console.info(
      `export ${n}: HTTP ${res.status} in ${exportMs.toFixed(0)} ms; the bystander's ${trips.length} round trips: longest ${trips.at(-1)?.toFixed(0)} ms, median ${trips[Math.floor(trips.length / 2)]?.toFixed(1)} ms`,
    )
  }
  await bystander.close()
} finally {
  await server.stop()
}
