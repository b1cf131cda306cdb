/**
 * Profiles one cold load: seeds a 1 MiB document, restarts Accord under `node --cpu-prof`,
 * opens the document once and stops. `tsx server/bench/profileColdLoad.ts DIR`.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import * as Y from 'yjs'
import { connectClient, headerRecord, largeDocument } from './benchClient.js'
import { freePort, launchAccord } from './launchers.js'

const profileDir = path.resolve(process.argv[2] ?? 'cold-load-profile')
const dataDir = mkdtempSync(path.join(tmpdir(), 'accord-bench-coldprof-'))
const first = await launchAccord({ port: await freePort(), dataDir })
const { rooms, headers } = await first.prepareRooms(1)
const url = (base: string) => `${base}/${rooms[0] as string}`
const seeder = await connectClient(url(first.wsUrl), headerRecord(headers))
seeder.send(Y.encodeStateAsUpdate(largeDocument(1024)))
await seeder.roundTrip()
await seeder.close()
await first.stop()
const server = await launchAccord({
  port: await freePort(),
  dataDir,
  nodeFlags: ['--cpu-prof', `--cpu-prof-dir=${profileDir}`],
})
const { headers: fresh } = await server.prepareRooms(0)
const client = await connectClient(url(server.wsUrl), headerRecord(fresh))
process.stdout.write(`first complete sync in ${client.syncedInMs.toFixed(1)} ms\n`)
await client.close()
await server.stop()
rmSync(dataDir, { recursive: true, force: true })
