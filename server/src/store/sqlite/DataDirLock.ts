import fs from 'node:fs'
import path from 'node:path'

const LOCK_FILE = 'accord.lock'

/** Lock files this process holds, so a second server in the same process is refused too. */
const held = new Set<string>()

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * Makes sure only one server process uses a DATA_DIR: two writers on one
 * update log would each compact away the other's rows. A lock left by a
 * killed process (its pid gone) is taken over.
 */
export class DataDirLock {
  private constructor(private readonly file: string) {}

  static acquire(dataDir: string): DataDirLock {
    fs.mkdirSync(dataDir, { recursive: true })
    const file = path.join(dataDir, LOCK_FILE)
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        fs.writeFileSync(file, String(process.pid), { flag: 'wx' })
        held.add(file)
        return new DataDirLock(file)
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
        const pid = Number.parseInt(fs.readFileSync(file, 'utf8'), 10)
        const ours = pid === process.pid
        if ((ours && held.has(file)) || (!ours && Number.isInteger(pid) && isAlive(pid))) {
          throw new Error(
            `Another Accord server (pid ${pid}) is using ${dataDir}. Stop it first, or give this one its own DATA_DIR.`,
          )
        }
        fs.rmSync(file, { force: true })
      }
    }
    throw new Error(`Could not lock ${dataDir}`)
  }

  release(): void {
    held.delete(this.file)
    fs.rmSync(this.file, { force: true })
  }
}
