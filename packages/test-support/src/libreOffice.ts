import { execFileSync, spawn } from 'node:child_process'
import { existsSync, realpathSync } from 'node:fs'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

/**
 * Files as a real office suite reads and saves them: LibreOffice's
 * `soffice --headless --convert-to`. Debian's libreoffice-writer-nogui is enough for text
 * documents, libreoffice-calc-nogui adds spreadsheets; .ci/run installs both and sets
 * ACCORD_LIBREOFFICE=1.
 */

let installed: boolean | undefined

/** Whether LibreOffice's `soffice` runs here (asked once per test file). */
export const libreOfficeInstalled = (): boolean => {
  if (installed === undefined) {
    try {
      execFileSync('soffice', ['--version'], { stdio: 'ignore', timeout: 60_000 })
      installed = true
    } catch {
      installed = false
    }
  }
  return installed
}

let warned = false

/**
 * Whether tests that need LibreOffice skip: it is not installed here and ACCORD_LIBREOFFICE
 * is not 1 (CI sets it, so that a missing install fails those tests instead). Says so once.
 */
export const skipWithoutLibreOffice = (): boolean => {
  const skip = !libreOfficeInstalled() && process.env.ACCORD_LIBREOFFICE !== '1'
  if (skip && !warned) {
    warned = true
    console.warn('LibreOffice (soffice) is not installed: the office-suite round trips are skipped')
  }
  return skip
}

let calc: boolean | undefined

/**
 * Whether LibreOffice here has Calc (Debian: libreoffice-calc-nogui, a package apart from
 * writer-nogui): its spreadsheet library beside the soffice found on the PATH.
 */
export const libreOfficeCalcInstalled = (): boolean => {
  if (calc === undefined) {
    const soffice = (process.env.PATH ?? '')
      .split(path.delimiter)
      .map((dir) => path.join(dir, 'soffice'))
      .find((file) => existsSync(file))
    calc =
      libreOfficeInstalled() &&
      soffice !== undefined &&
      ['libsclo.so', 'libsclo.dylib', 'sc.dll'].some((lib) =>
        existsSync(path.join(path.dirname(realpathSync(soffice)), lib)),
      )
  }
  return calc
}

let warnedCalc = false

/**
 * {@link skipWithoutLibreOffice} for spreadsheets: whether tests that need LibreOffice Calc
 * skip (not installed here, and ACCORD_LIBREOFFICE is not 1; CI sets it and installs Calc, so
 * there a missing Calc fails them). Says so once.
 */
export const skipWithoutLibreOfficeCalc = (): boolean => {
  const skip = !libreOfficeCalcInstalled() && process.env.ACCORD_LIBREOFFICE !== '1'
  if (skip && !warnedCalc) {
    warnedCalc = true
    console.warn(
      'LibreOffice Calc is not installed (soffice without libreoffice-calc-nogui): the spreadsheet round trips are skipped',
    )
  }
  return skip
}

export interface LibreOfficeOptions {
  /** How long LibreOffice may take for the whole call, in ms; default 180 000 (a cold start on a loaded machine takes tens of seconds). */
  timeoutMs?: number
}

/**
 * What soffice prints when it aborts while it sets up a new profile ("terminate called after
 * throwing an instance of 'com::sun::star::lang::WrappedTargetRuntimeException'", then this):
 * LibreOffice 7.4 did so now and then with two conversions starting at once on a loaded machine
 * (CI, 2026-12-02). Such a call is made once more.
 */
const CRASHED_AT_START = 'Unspecified Application Error'

/** `draft.docx` saved as `odt` (or `txt:Text`: a format and its filter) is `draft.odt`. */
const savedName = (name: string, to: string): string =>
  `${name.replace(/\.[^.]+$/, '')}.${to.split(':')[0]}`

/** Runs soffice; resolves with what it printed, rejects saying why it did not finish. */
const runSoffice = (args: string[], job: string, timeoutMs: number): Promise<string> =>
  new Promise((resolve, reject) => {
    // A process group of its own: soffice hands the work to a soffice.bin child, and a
    // timeout must end both.
    const child = spawn('soffice', args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true })
    let printed = ''
    child.stdout.on('data', (chunk: Buffer) => {
      printed += chunk.toString()
    })
    child.stderr.on('data', (chunk: Buffer) => {
      printed += chunk.toString()
    })
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL')
      } catch {
        // Already gone.
      }
    }, timeoutMs)
    child.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer)
      reject(
        error.code === 'ENOENT'
          ? new Error(
              `LibreOffice is not installed: no soffice on the PATH to ${job} (Debian: apt-get install libreoffice-writer-nogui)`,
            )
          : new Error(`LibreOffice could not be started to ${job}: ${error.message}`),
      )
    })
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      if (timedOut) reject(new Error(`LibreOffice did not ${job} within ${timeoutMs} ms`))
      else if (code !== 0)
        reject(
          new Error(`LibreOffice failed to ${job} (exit ${code ?? signal}): ${printed.trim()}`),
        )
      else resolve(printed)
    })
  })

/**
 * LibreOffice opens each of `inputs` (file name → bytes; the extension tells it the format)
 * and saves it as `to` (`pdf`, `odt`, `docx`, `csv`, or a format and its filter such as
 * `txt:Text`); the saved files by name (`draft.docx` → `draft.odt`). One run for all the
 * inputs, in a directory of its own with a profile of its own, so that calls in parallel and
 * a LibreOffice the user has open never take each other's job. Rejects, saying why, when
 * soffice is missing, fails, runs out of time, or saves nothing for an input (it could not
 * open it, or knows no such format).
 */
export const convertWithLibreOffice = async (
  inputs: Record<string, Uint8Array>,
  to: string,
  { timeoutMs = 180_000 }: LibreOfficeOptions = {},
): Promise<Record<string, Uint8Array>> => {
  const names = Object.keys(inputs)
  const job = `convert ${names.join(', ')} to ${to}`
  if (names.length === 0) throw new Error('convertWithLibreOffice: no files given')
  for (const name of names)
    if (path.basename(name) !== name || !/\.[^.]+$/.test(name))
      throw new Error(`convertWithLibreOffice: ${name} is not a file name with an extension`)
  const saved = names.map((name) => savedName(name, to))
  if (new Set(saved).size !== saved.length)
    throw new Error(`convertWithLibreOffice: two inputs would be saved as one file (${saved})`)

  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'accord-lo-'))
  try {
    const files = await Promise.all(
      names.map(async (name) => {
        const file = path.join(dir, name)
        await fs.writeFile(file, inputs[name] as Uint8Array)
        return file
      }),
    )
    // Saved into a folder apart, so that a .docx saved as docx does not overwrite its input.
    const outDir = path.join(dir, 'out')
    const started = Date.now()
    const run = (profile: string, ms: number) =>
      runSoffice(
        [
          `-env:UserInstallation=${pathToFileURL(path.join(dir, profile)).href}`,
          '--headless',
          '--convert-to',
          to,
          '--outdir',
          outDir,
          ...files,
        ],
        job,
        ms,
      )
    const printed = await run('profile', timeoutMs).catch(async (error: Error) => {
      if (!error.message.includes(CRASHED_AT_START)) throw error
      // Once more, with a new profile, in the time left: any other failure, or a second
      // crash, is reported as it is.
      await fs.rm(outDir, { recursive: true, force: true })
      return run('profile-again', Math.max(1, timeoutMs - (Date.now() - started)))
    })
    const result: Record<string, Uint8Array> = {}
    for (const [i, name] of names.entries()) {
      const out = saved[i] as string
      try {
        result[out] = new Uint8Array(await fs.readFile(path.join(outDir, out)))
      } catch {
        throw new Error(`LibreOffice saved no ${out} from ${name} as ${to}: ${printed.trim()}`)
      }
    }
    return result
  } finally {
    await fs.rm(dir, { recursive: true, force: true })
  }
}

/** {@link convertWithLibreOffice} for one file: the bytes it saved. */
export const convertFileWithLibreOffice = async (
  name: string,
  bytes: Uint8Array,
  to: string,
  options?: LibreOfficeOptions,
): Promise<Uint8Array> => {
  const saved = await convertWithLibreOffice({ [name]: bytes }, to, options)
  return saved[savedName(name, to)] as Uint8Array
}
