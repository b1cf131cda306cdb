import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { docScreenshot } from './utils/browser'
import { useBrowserSession } from './utils/useBrowserSession'

interface Box {
  x: number
  y: number
  width: number
}

const boxOf = async (page: Page, selector: string): Promise<Box> => {
  const box = await page.locator(selector).first().boundingBox()
  if (!box) throw new Error(`${selector} is not shown`)
  return box
}

/** True when nothing makes the page scroll sideways. */
const fitsWidth = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)

describe('the document layout', () => {
  const session = useBrowserSession()

  it('puts the outline left, the text centred and the comments right on a laptop, and stacks on a tablet', async () => {
    const { server } = session
    const member = await server.newUser('member', 'Anna Petrova')
    const cookie = await server.signIn(member.email, member.password)
    const { id } = await server.api<{ id: string }>('POST', '/api/documents', cookie, {
      title: 'Декларация о цифровых правах',
      template: {
        clauses: 4,
        preface: 'Мы, города, подписавшие эту декларацию, договорились о следующем.',
      },
    })

    for (const [width, height, name] of [
      [1024, 768, 'layout-1024'],
      [768, 1024, 'layout-768-tablet'],
    ] as const) {
      const page = await session.signedIn(member.email, member.password, {
        viewport: { width, height },
        locale: 'ru-RU',
      })
      await page.goto(`${server.url}/documents/${id}`)
      await expect
        .poll(() => page.getByTestId('connection-state').getAttribute('data-state'))
        .toBe('connected')
      expect(await fitsWidth(page), `no sideways scrolling at ${width} px`).toBe(true)

      const title = await boxOf(page, '.document-header h1')
      const outline = await boxOf(page, '.document-outline')
      const text = await boxOf(page, '.document-text')
      const side = await boxOf(page, '.document-side')
      // The title and status are on top.
      expect(title.y).toBeLessThan(text.y)
      // Lines stay readable: the text column is never narrower than about 60 characters.
      expect(text.width).toBeGreaterThanOrEqual(480)
      if (width >= 1024) {
        expect(outline.x + outline.width).toBeLessThanOrEqual(text.x)
        expect(text.x + text.width).toBeLessThanOrEqual(side.x)
      } else {
        // A tablet: the text first, full width, then the outline and the side panels.
        expect(outline.y).toBeGreaterThan(text.y)
        expect(side.y).toBeGreaterThan(outline.y)
      }
      await docScreenshot(page, name)
      await page.context().close()
    }
  })
})
