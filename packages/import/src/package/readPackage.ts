import { Unzip, UnzipInflate } from 'fflate'
import { ImportError, ImportRefusal } from '../ImportError.js'

/** Limits on what a package (.docx, .odt) may unpack to; beyond them it is a zip bomb. */
export interface PackageLimits {
  /** Most bytes all the parts read may unpack to together. Default 100 MiB. */
  maxUnpackedBytes: number
  /** Most entries the archive may list. Default 5,000. */
  maxEntries: number
  /** Largest unpacked/packed ratio of one part once it passes 1 MiB. Default 200. */
  maxRatio: number
}

export const DEFAULT_PACKAGE_LIMITS: PackageLimits = {
  maxUnpackedBytes: 100 * 1024 * 1024,
  maxEntries: 5000,
  maxRatio: 200,
}

// Fed in small slices, so one slice can never unpack to more than about 16 MiB (deflate's
// ratio is at most ~1032) before the counts below stop it.
const SLICE = 16 * 1024
const RATIO_FLOOR = 1024 * 1024

/** The parts of a zip package, read without ever holding more than the limits allow. */
export interface ZipPackage {
  /** Every entry name the archive lists. */
  names: ReadonlySet<string>
  /** The bytes of a part that was asked for, or undefined when the archive lacks it. */
  part(name: string): Uint8Array | undefined
}

export const isZip = (bytes: Uint8Array): boolean =>
  bytes.length >= 4 &&
  bytes[0] === 0x50 &&
  bytes[1] === 0x4b &&
  bytes[2] === 0x03 &&
  bytes[3] === 0x04

/**
 * Unpacks the entries `wanted` picks (others are skipped, never inflated), counting what
 * each one yields as it is inflated: a part that passes the size or ratio limit stops the
 * read at once, whatever the archive's headers claim.
 */
export const readPackage = (
  bytes: Uint8Array,
  wanted: (name: string) => boolean,
  limits: PackageLimits = DEFAULT_PACKAGE_LIMITS,
): ZipPackage => {
  const names = new Set<string>()
  const parts = new Map<string, Uint8Array>()
  let total = 0
  let failure: ImportError | undefined
  const unzip = new Unzip((file) => {
    names.add(file.name)
    if (names.size > limits.maxEntries) {
      failure ??= new ImportError(ImportRefusal.zipBomb, 'too many entries')
      return
    }
    if (!wanted(file.name) || failure) return
    const packed = file.size ?? 0
    const chunks: Uint8Array[] = []
    let unpacked = 0
    file.ondata = (error, data, final) => {
      if (failure) return
      if (error) {
        failure = new ImportError(ImportRefusal.brokenPackage, `${file.name} cannot be unpacked`)
        return
      }
      unpacked += data.length
      total += data.length
      const ratioBase = packed > 0 ? packed : bytes.length
      if (
        total > limits.maxUnpackedBytes ||
        (unpacked > RATIO_FLOOR && unpacked / ratioBase > limits.maxRatio)
      ) {
        failure = new ImportError(ImportRefusal.zipBomb)
        file.terminate()
        return
      }
      chunks.push(data)
      if (final) parts.set(file.name, concat(chunks, unpacked))
    }
    file.start()
  })
  unzip.register(UnzipInflate)
  try {
    for (let at = 0; at < bytes.length && !failure; at += SLICE) {
      unzip.push(bytes.subarray(at, at + SLICE), at + SLICE >= bytes.length)
    }
  } catch {
    failure ??= new ImportError(ImportRefusal.brokenPackage, 'the archive cannot be read')
  }
  if (failure) throw failure
  return { names, part: (name) => parts.get(name) }
}

const concat = (chunks: Uint8Array[], length: number): Uint8Array => {
  if (chunks.length === 1 && chunks[0]) return chunks[0]
  const out = new Uint8Array(length)
  let at = 0
  for (const chunk of chunks) {
    out.set(chunk, at)
    at += chunk.length
  }
  return out
}

/** A part's text, UTF-8. */
export const partText = (pkg: ZipPackage, name: string): string | undefined => {
  const bytes = pkg.part(name)
  return bytes ? new TextDecoder('utf-8').decode(bytes) : undefined
}
