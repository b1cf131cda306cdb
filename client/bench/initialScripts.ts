/**
 * `npx tsx client/bench/initialScripts.ts [--rounds N]`: which scripts the document page loads
 * until its editor is editable (the bench's "JavaScript loaded until editable" row, counted
 * the same way: each script's body gzipped at the default level), one line per chunk with its
 * size, largest first, and what arrived after. Serves the built client (`npm run build` first)
 * on a fresh Accord with the ~1 MiB paragraphs document. Shows what to move off the first path.
 */
import { parseArgs } from 'node:util'
import { freePort, launchAccord } from '../../server/bench/launchers.js'
import { launchBrowser } from '../e2e/utils/browser.js'
import { paragraphDocument } from './benchDocuments.js'
import {
  browserCookie,
  headerRecord,
  MARK,
  openContext,
  seedRoom,
  waitEditable,
} from './pageMeasures.js'
import { askedBy, countScripts, epochOf, totalKB } from './scriptsLoaded.js'

const { values: args } = parseArgs({ options: { rounds: { type: 'string', default: '1' } } })

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`

const browser = await launchBrowser()
const server = await launchAccord({ port: await freePort() })
try {
  const update = paragraphDocument()
  for (let round = 1; round <= Number(args.rounds); round++) {
    const { rooms, headers } = await server.prepareRooms(1)
    const room = rooms[0] as string
    const hdrs = headerRecord(headers)
    await seedRoom(server.wsUrl, room, hdrs, update)
    const { context, page } = await openContext(browser, browserCookie(hdrs))
    const counted = countScripts(page)
    await page.goto(`${hdrs.Origin}/documents/${room}`)
    const editableMs = await waitEditable(page, ['.ProseMirror'], MARK)
    const editableAt = await epochOf(page, editableMs)
    // And whatever the page still fetches once the text is there (lazy panels).
    await page.waitForTimeout(1500)
    const all = await counted.stop()
    const loaded = askedBy(all, editableAt)
    const later = all.filter((s) => !loaded.includes(s))
    console.log(
      `round ${round}: editable in ${editableMs.toFixed(0)} ms, ${totalKB(loaded).toFixed(1)} KB gz before`,
    )
    for (const { path, gzipBytes } of [...loaded].sort((a, b) => b.gzipBytes - a.gzipBytes)) {
      console.log(`  ${kb(gzipBytes).padStart(9)}  ${path}`)
    }
    console.log(`  after editable: ${later.map((s) => s.path).join(' ') || 'nothing'}`)
    await context.close()
  }
} finally {
  await server.stop()
  await browser.close()
}
