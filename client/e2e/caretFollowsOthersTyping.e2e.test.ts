import { describe, expect, it } from 'vitest'
import { blockText } from './utils/editorText'
import {
  CLAUSE,
  CLAUSE_LINE_SELECTOR,
  type ClauseLine,
  newSharedClause,
} from './utils/sharedClause'
import { useBrowserSession } from './utils/useBrowserSession'

describe('a caret stays on its words while someone else types before it', () => {
  const session = useBrowserSession()

  it('in a clause heading, its body, a sub-clause heading and its body', async () => {
    const anna = await session.server.newUser('member', 'Anna Caret')
    const ben = await session.server.newUser('member', 'Ben Caret')
    const annaPage = await session.signedIn(anna.email, anna.password)
    const url = await newSharedClause(
      session,
      annaPage,
      await session.server.signIn(anna.email, anna.password),
    )
    const annaOpen = await session.openDocument(anna.email, anna.password, url)
    const benOpen = await session.openDocument(ben.email, ben.password, url)

    const seen: Record<string, string[]> = {}
    const expected: Record<string, string[]> = {}
    for (const line of Object.keys(CLAUSE) as ClauseLine[]) {
      const annaLine = annaOpen.locator(CLAUSE_LINE_SELECTOR[line])
      const benLine = benOpen.locator(CLAUSE_LINE_SELECTOR[line])
      await expect.poll(() => blockText(benLine), { timeout: 10_000 }).toBe(CLAUSE[line])

      // Anna's caret at the end of the line; Ben types at its start.
      await annaLine.click()
      await annaOpen.keyboard.press('End')
      await benLine.click()
      await benOpen.keyboard.press('Home')
      await benOpen.keyboard.type('НОВОЕ ')
      await expect
        .poll(() => blockText(annaLine), { timeout: 10_000 })
        .toBe(`НОВОЕ ${CLAUSE[line]}`)

      // Anna types on: it must go where her caret was, after the last word.
      await annaOpen.keyboard.type('!')
      for (const lineOf of [annaLine, benLine]) {
        await expect.poll(() => blockText(lineOf), { timeout: 10_000 }).toContain('!')
      }
      seen[line] = [await blockText(annaLine), await blockText(benLine)]
      expected[line] = [`НОВОЕ ${CLAUSE[line]}!`, `НОВОЕ ${CLAUSE[line]}!`]
    }
    // All four lines at once, so a failure shows every place it happens.
    expect(seen).toEqual(expected)
  })
})
