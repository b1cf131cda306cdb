import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const SHARED = new URL('../../../../shared/', import.meta.url)

/** Independent check with Debian's xmllint against the official OASIS schema. */
export const validateAkn = (xml: string) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-akn-'))
  try {
    fs.writeFileSync(path.join(dir, 'export.xml'), xml)
    execFileSync(
      'xmllint',
      [
        '--noout',
        '--nonet',
        '--schema',
        new URL('schemas/akn/akomantoso30.xsd', SHARED).pathname,
        path.join(dir, 'export.xml'),
      ],
      { stdio: 'pipe' },
    )
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}
