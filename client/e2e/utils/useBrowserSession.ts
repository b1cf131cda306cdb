import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, expect } from 'vitest'
import { launchBrowser, signInThroughForm } from './browser'
import { type ServerProcess, startServerProcess } from './serverProcess'

export interface BrowserSession {
  readonly server: ServerProcess
  readonly browser: Browser
  /** A new person's own browser (separate cookies and storage), closed after the file. */
  newContext(options?: Parameters<Browser['newContext']>[0]): Promise<BrowserContext>
  /** A person signed in through the real form, in their own browser. */
  signedIn(
    email: string,
    password: string,
    options?: Parameters<Browser['newContext']>[0],
  ): Promise<Page>
  /**
   * A person signed in on a desktop-sized window, on `url`, once its document is connected;
   * `prepare` runs on the page before it goes there (to route its socket, say).
   */
  openDocument(
    email: string,
    password: string,
    url: string,
    prepare?: (page: Page) => Promise<unknown>,
  ): Promise<Page>
  /** A new person, signed up and opening `url` as `openDocument` does. */
  newPersonOpens(
    person: NewPerson,
    url: string,
    prepare?: (page: Page) => Promise<unknown>,
  ): Promise<Page>
  /**
   * Two new people: `first` creates a document titled `title`, then each opens it in a
   * browser of their own (first, then second).
   */
  twoPeopleInOneDocument(first: NewPerson, second: NewPerson, title: string): Promise<TwoPeople>
}

/** Who a test signs up: a role and a display name. */
export interface NewPerson {
  role: string
  name: string
}

type Credentials = Awaited<ReturnType<ServerProcess['newUser']>>

export interface TwoPeople {
  first: Credentials
  second: Credentials
  /** The first person's session cookie, for the API. */
  cookie: string
  id: string
  url: string
  /** The first person's page on the document. */
  a: Page
  /** The second person's page on the document. */
  b: Page
}

/**
 * For one test file: the built server on a free port with a fresh DATA_DIR, and Debian's
 * Chromium; everything is closed after the file's tests.
 */
export const useBrowserSession = (): BrowserSession => {
  let server: ServerProcess | undefined
  let browser: Browser | undefined
  const contexts: BrowserContext[] = []
  beforeAll(async () => {
    server = await startServerProcess()
    browser = await launchBrowser()
  })
  afterAll(async () => {
    for (const context of contexts) await context.close()
    await browser?.close()
    await server?.stop()
  })
  const session: BrowserSession = {
    get server() {
      if (!server) throw new Error('the server starts in beforeAll')
      return server
    },
    get browser() {
      if (!browser) throw new Error('the browser starts in beforeAll')
      return browser
    },
    async newContext(options) {
      // Reduced motion: no colour transitions, so axe never measures a colour halfway through
      // a theme switch (a button's background eases for 120 ms; its text does not).
      const context = await session.browser.newContext({
        locale: 'en-US',
        reducedMotion: 'reduce',
        ...options,
      })
      contexts.push(context)
      return context
    },
    async signedIn(email, password, options) {
      const page = await (await session.newContext(options)).newPage()
      await signInThroughForm(page, session.server.url, email, password)
      return page
    },
    async openDocument(email, password, url, prepare) {
      const page = await session.signedIn(email, password, {
        viewport: { width: 1440, height: 900 },
        locale: 'en-US',
      })
      await prepare?.(page)
      await page.goto(url)
      await expect
        .poll(() => page.getByTestId('connection-state').getAttribute('data-state'), {
          timeout: 20_000,
        })
        .toBe('connected')
      return page
    },
    async newPersonOpens(person, url, prepare) {
      const { email, password } = await session.server.newUser(person.role, person.name)
      return session.openDocument(email, password, url, prepare)
    },
    async twoPeopleInOneDocument(firstPerson, secondPerson, title) {
      const { server } = session
      const first = await server.newUser(firstPerson.role, firstPerson.name)
      const second = await server.newUser(secondPerson.role, secondPerson.name)
      const cookie = await server.signIn(first.email, first.password)
      const { id } = await server.api<{ id: string }>('POST', '/api/documents', cookie, { title })
      const url = `${server.url}/documents/${id}`
      const a = await session.openDocument(first.email, first.password, url)
      const b = await session.openDocument(second.email, second.password, url)
      return { first, second, cookie, id, url, a, b }
    },
  }
  return session
}
