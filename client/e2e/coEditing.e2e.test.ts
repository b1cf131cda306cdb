import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { docScreenshot } from './utils/browser'
import { useBrowserSession } from './utils/useBrowserSession'

describe('two people co-edit one draft in two browsers', () => {
  const session = useBrowserSession()

  const personIn = async (email: string, password: string): Promise<Page> => {
    const page = await session.signedIn(email, password, {
      viewport: { width: 1280, height: 800 },
      locale: 'en-US',
    })
    return page
  }

  it('each sees the other’s text and named caret', async () => {
    const anna = await session.server.newUser('member', 'Anna Petrova')
    const ben = await session.server.newUser('member', 'Ben Okafor')
    const annaPage = await personIn(anna.email, anna.password)
    const benPage = await personIn(ben.email, ben.password)

    // Anna creates the draft from the documents list; Ben opens it from his.
    await annaPage
      .getByRole('textbox', { name: /title/i })
      .first()
      .fill('Стандарт защиты прав человека')
    await annaPage.getByRole('button', { name: /create/i }).click()
    await annaPage.waitForURL(/\/documents\/[\w-]+$/)
    const documentUrl = annaPage.url()
    await benPage.getByRole('link', { name: 'Стандарт защиты прав человека' }).waitFor()
    await docScreenshot(benPage, 'documents')
    await benPage.getByRole('link', { name: 'Стандарт защиты прав человека' }).click()
    await benPage.waitForURL(documentUrl)

    const annaEditor = annaPage.locator('.ProseMirror')
    const benEditor = benPage.locator('.ProseMirror')
    await expect
      .poll(() => annaPage.getByTestId('connection-state').getAttribute('data-state'))
      .toBe('connected')
    await expect
      .poll(() => benPage.getByTestId('connection-state').getAttribute('data-state'))
      .toBe('connected')

    await annaEditor.click()
    await annaPage.keyboard.type('Статья 1. Каждый имеет право на доступ к интернету.')
    await expect
      .poll(() => benEditor.textContent())
      .toContain('Статья 1. Каждый имеет право на доступ к интернету.')

    await benEditor.click()
    await benPage.keyboard.press('Control+End')
    await benPage.keyboard.press('Enter')
    await benPage.keyboard.type('Article 2. Everyone has the right to privacy.')
    await expect
      .poll(() => annaEditor.textContent())
      .toContain('Article 2. Everyone has the right to privacy.')

    // Named carets: each sees the other's name, never their own.
    await expect
      .poll(() => annaPage.locator('.collaboration-carets__label').allTextContents())
      .toEqual(['Ben Okafor'])
    await expect
      .poll(() => benPage.locator('.collaboration-carets__label').allTextContents())
      .toEqual(['Anna Petrova'])
    await expect.poll(() => annaPage.getByTestId('presence').textContent()).toContain('Ben Okafor')
    await docScreenshot(annaPage, 'two-people-editing')
  })
})
