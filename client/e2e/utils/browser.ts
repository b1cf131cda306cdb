import { type Browser, chromium, type Page } from 'playwright-core'

const LAUNCH_OPTIONS = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-gpu',
  ],
  // A start that hangs (seen once in CI) is given up and tried again within the set-up hook.
  timeout: 15_000,
}

/** Debian's Chromium, headless, with no traffic of its own (this machine has no internet). */
export const launchBrowser = async (): Promise<Browser> => {
  try {
    return await chromium.launch(LAUNCH_OPTIONS)
  } catch {
    return chromium.launch(LAUNCH_OPTIONS)
  }
}

/** Signs in through the real sign-in form, as a person would. */
export const signInThroughForm = async (
  page: Page,
  baseUrl: string,
  email: string,
  password: string,
) => {
  await page.goto(`${baseUrl}/`)
  await page.getByLabel(/^(Email|Электронная почта)/).fill(email)
  await page.getByLabel(/^(Password|Пароль)/).fill(password)
  await page.locator('form button[type=submit]').click()
  await page.getByRole('button', { name: /^(Sign out|Выйти)$/ }).waitFor()
}

/** Screenshots for the docs are written only when asked (ACCORD_SCREENSHOTS=1), so tests leave the tree clean. */
export const docScreenshot = async (page: Page, name: string) => {
  if (process.env.ACCORD_SCREENSHOTS !== '1') return
  const path = new URL(`../../../docs/screenshots/${name}.png`, import.meta.url).pathname
  await page.screenshot({ path })
}
