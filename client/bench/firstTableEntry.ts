/**
 * What the caret's first move into a table costs on the bench's large text with tables
 * (1,000 clauses, a table in every 20th): the table-editing code is loaded then and its plugin
 * added to the live editor (`TableEditing`). Opens the text, waits until the page is idle, clicks
 * in the first table's first data cell and types one letter at once; prints the time from the
 * click to the letter on screen and the main thread's long tasks in the two seconds after the
 * click. Then clicks in a second table and does the same (the plugin is there by then).
 * --client DIR serves another build (for an A/B against the build before a change).
 *
 *   npx tsx client/bench/firstTableEntry.ts [--client DIR] [--rounds 3]
 */
import path from 'node:path'
import { parseArgs } from 'node:util'
import type { Page } from 'playwright-core'
import { freePort, launchAccord } from '../../server/bench/launchers.js'
import { launchBrowser } from '../e2e/utils/browser.js'
import { clauseDocument } from './benchDocuments.js'
import {
  browserCookie,
  headerRecord,
  MARK,
  medianOf,
  openContext,
  seedRoom,
  waitEditable,
} from './pageMeasures.js'

const { values: args } = parseArgs({
  options: { client: { type: 'string' }, rounds: { type: 'string', default: '3' } },
})

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

interface Entry {
  /** ms from the click's mousedown to the typed letter in the cell's DOM. */
  clickToLetter: number
  longTasks: number
  longestTask: number
}

/** Clicks in the `nth` table's first data cell, types a letter, and times both. */
const enterTable = async (page: Page, nth: number, letter: string): Promise<Entry> => {
  const cell = page.locator('.ProseMirror table').nth(nth).locator('td').first()
  await cell.scrollIntoViewIfNeeded()
  await sleep(500)
  await cell.evaluate((td, letter) => {
    const state = window as unknown as { entry: Promise<number>; tasks: number[] }
    state.tasks = []
    new PerformanceObserver((list) => {
      for (const task of list.getEntries()) state.tasks.push(task.duration)
    }).observe({ type: 'longtask' })
    let down = 0
    document.addEventListener('mousedown', () => (down = performance.now()), {
      capture: true,
      once: true,
    })
    state.entry = new Promise((resolve) => {
      new MutationObserver((_, observer) => {
        if (!td.textContent?.includes(letter)) return
        observer.disconnect()
        resolve(performance.now() - down)
      }).observe(td, { subtree: true, childList: true, characterData: true })
    })
  }, letter)
  await cell.click()
  await page.keyboard.press(letter)
  const clickToLetter = await page.evaluate(
    () => (window as unknown as { entry: Promise<number> }).entry,
  )
  await sleep(2000)
  const tasks = await page.evaluate(() => (window as unknown as { tasks: number[] }).tasks)
  return {
    clickToLetter,
    longTasks: tasks.reduce((sum, ms) => sum + ms, 0),
    longestTask: Math.max(0, ...tasks),
  }
}

const main = async () => {
  const accord = await launchAccord({
    port: await freePort(),
    env: args.client ? { CLIENT_DIST: path.resolve(args.client) } : {},
  })
  const browser = await launchBrowser()
  try {
    const rounds = Number(args.rounds)
    const { rooms, headers } = await accord.prepareRooms(rounds)
    const hdrs = headerRecord(headers)
    const firsts: Entry[] = []
    const seconds: Entry[] = []
    for (const room of rooms) {
      await seedRoom(
        accord.wsUrl,
        room,
        hdrs,
        clauseDocument({ clauses: 1000, bodyChars: 500, tableEvery: 20 }),
      )
      const { context, page } = await openContext(browser, browserCookie(hdrs))
      await page.goto(`${hdrs.Origin}/documents/${room}`)
      await waitEditable(page, ['.ProseMirror'], MARK)
      await sleep(3000)
      firsts.push(await enterTable(page, 0, 'Q'))
      seconds.push(await enterTable(page, 1, 'W'))
      await context.close()
    }
    for (const [name, entries] of [
      ['first table entered', firsts],
      ['second table entered', seconds],
    ] as const) {
      process.stdout.write(
        `${name}: click → letter ${medianOf(entries, (e) => e.clickToLetter).toFixed(0)} ms, ` +
          `long tasks ${medianOf(entries, (e) => e.longTasks).toFixed(0)} ms ` +
          `(longest ${medianOf(entries, (e) => e.longestTask).toFixed(0)} ms), median of ${entries.length}; ` +
          `each: ${entries.map((e) => e.clickToLetter.toFixed(0)).join(', ')} ms\n`,
      )
    }
  } finally {
    await browser.close()
    await accord.stop()
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(
      `firstTableEntry failed: ${err instanceof Error ? err.stack : String(err)}\n`,
    )
    process.exit(1)
  },
)
