import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

/** Runs `work` with a file holding `bytes`, in a directory removed afterwards. */
export const withFile = <T>(
  name: string,
  bytes: Uint8Array | string,
  work: (file: string) => T,
): T => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-check-'))
  try {
    const file = path.join(dir, name)
    fs.writeFileSync(file, bytes)
    return work(file)
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

/** What a command-line tool prints; throws with its messages when it exits non-zero. */
export const runTool = (command: string, args: string[]): string =>
  execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
