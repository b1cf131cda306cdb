import { createRequire } from 'node:module'
import type { Page } from 'playwright-core'
import { expect } from 'vitest'

// axe-core is plain script text injected into the page (its `source`), not a Node library here.
const axeSource: string = createRequire(import.meta.url)('axe-core').source

/** How axe-core ranks a violation. */
export type Impact = 'minor' | 'moderate' | 'serious' | 'critical'
const IMPACTS: readonly Impact[] = ['minor', 'moderate', 'serious', 'critical']

/** What axe found on one page in one colour scheme, for the tests and the closing report. */
export interface AccessibilityFigures {
  page: string
  scheme: 'light' | 'dark'
  passes: number
  /** Violated rules per impact. */
  violations: Record<Impact, number>
  /** The serious and critical ones, readable: rule, help and the first offending elements. */
  blocking: string[]
}

interface AxeNode {
  target: unknown[]
  failureSummary?: string
}
interface AxeRule {
  id: string
  impact?: Impact | null
  help: string
  nodes: AxeNode[]
}
interface AxeResults {
  passes: AxeRule[]
  violations: AxeRule[]
}

/**
 * Runs axe-core (WCAG 2.0/2.1 A and AA rules plus best practices) on the page as it is now.
 * The caller fails the test on `blocking`; the figures go to the closing report.
 */
export const checkAccessibility = async (
  page: Page,
  name: string,
): Promise<AccessibilityFigures> => {
  // Evaluated through the debugging protocol, so the app's Content-Security-Policy does not apply.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource)
  const results = await page.evaluate(
    () =>
      (
        window as unknown as {
          axe: { run: (context: Document, options: object) => Promise<AxeResults> }
        }
      ).axe.run(document, {
        runOnly: {
          type: 'tag',
          values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'],
        },
        resultTypes: ['violations'],
      }) as unknown as Promise<AxeResults>,
  )
  const scheme = await page.evaluate(() =>
    matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light',
  )
  const violations = Object.fromEntries(IMPACTS.map((impact) => [impact, 0])) as Record<
    Impact,
    number
  >
  for (const rule of results.violations) violations[rule.impact ?? 'minor'] += 1
  const blocking = results.violations
    .filter((rule) => rule.impact === 'serious' || rule.impact === 'critical')
    .map(
      (rule) =>
        `${rule.id} (${rule.impact}): ${rule.help} — ${rule.nodes
          .slice(0, 3)
          .map((node) => `${JSON.stringify(node.target)} ${node.failureSummary ?? ''}`)
          .join(' | ')}`,
    )
  return { page: name, scheme, passes: results.passes.length, violations, blocking }
}

/** The figures as one Markdown table row per page and scheme. */
export const figuresTable = (all: readonly AccessibilityFigures[]): string =>
  [
    '| page | scheme | critical | serious | moderate | minor | passes |',
    '|---|---|---|---|---|---|---|',
    ...all.map(
      (f) =>
        `| ${f.page} | ${f.scheme} | ${f.violations.critical} | ${f.violations.serious} | ${f.violations.moderate} | ${f.violations.minor} | ${f.passes} |`,
    ),
  ].join('\n')

/** Fails the test on any serious or critical violation, once the page's fonts are in (contrast depends on them). */
export const expectAccessible = async (page: Page, name: string): Promise<void> => {
  await page.evaluate(() => document.fonts.ready)
  expect((await checkAccessibility(page, name)).blocking).toEqual([])
}
