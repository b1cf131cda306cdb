import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { ADMIN } from './utils/serverProcess'
import { useBrowserSession } from './utils/useBrowserSession'

const textOf = (page: Page) => page.locator('.ProseMirror')

/** The text is (or is not) editable, and says so to screen readers. */
const expectEditable = async (page: Page, editable: boolean) => {
  await expect.poll(() => textOf(page).getAttribute('contenteditable')).toBe(String(editable))
  expect(await textOf(page).getAttribute('aria-readonly')).toBe(String(!editable))
}

describe('the open text follows its document’s status', () => {
  const session = useBrowserSession()

  it('turns read-only for a member when the document is made final, and editable again when it is reopened', async () => {
    const { server } = session
    const member = await server.newUser('member', 'Zarina Karimova')
    const cookie = await server.signIn(member.email, member.password)
    const admin = await server.signIn(ADMIN.email, ADMIN.password)
    const { id } = await server.api<{ id: string }>('POST', '/api/documents', cookie, {
      title: 'Access to public information',
    })
    const page = await session.openDocument(
      member.email,
      member.password,
      `${server.url}/documents/${id}`,
    )
    // Made as it is, the editor is not set again when it opens: it is editable with its label.
    await expectEditable(page, true)
    expect(await textOf(page).getAttribute('aria-label')).toBeTruthy()
    await textOf(page).click()
    await page.keyboard.type('Everyone may ask.')
    await expect.poll(() => textOf(page).textContent()).toContain('Everyone may ask.')

    await server.api('PATCH', `/api/documents/${id}`, admin, { status: 'final' })
    await expectEditable(page, false)
    await textOf(page).click()
    await page.keyboard.press('End')
    await page.keyboard.type(' Nobody types here.')
    expect(await textOf(page).textContent()).not.toContain('Nobody types here.')

    await server.api('PATCH', `/api/documents/${id}`, admin, { status: 'draft' })
    await expectEditable(page, true)
    await textOf(page).click()
    await page.keyboard.press('End')
    await page.keyboard.type(' Answers come in ten days.')
    await expect
      .poll(() => textOf(page).textContent())
      .toContain('Everyone may ask. Answers come in ten days.')
  })
})
