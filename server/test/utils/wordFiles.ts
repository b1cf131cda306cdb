import { unzipSync, zipSync } from 'fflate'

/** The parts of a package changed and packed again (fflate, as any zip tool would). */
export const repack = (bytes: Uint8Array, change: (parts: Record<string, Uint8Array>) => void) => {
  const parts = unzipSync(bytes)
  change(parts)
  return zipSync(parts, { level: 6 })
}
