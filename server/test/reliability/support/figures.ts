import fs from 'node:fs'

/**
 * Prints a measured figure for docs/reliability.md (and appends it as a JSON line to
 * $ACCORD_FIGURES_FILE when set). Tests assert behaviour; timings are only reported.
 */
export const reportFigure = (point: string, figures: Record<string, unknown>): void => {
  const line = { point, ...figures }
  console.log(`[figure] ${JSON.stringify(line)}`)
  const file = process.env.ACCORD_FIGURES_FILE
  if (file) fs.appendFileSync(file, `${JSON.stringify(line)}\n`)
}

/** The long variants run only when asked: ACCORD_LONG_TESTS=1. */
export const LONG = process.env.ACCORD_LONG_TESTS === '1'
