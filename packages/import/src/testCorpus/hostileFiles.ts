import CFB from 'cfb'
import { strFromU8, unzipSync, zipSync } from 'fflate'

/** The parts of a package, to change one and pack it again (with fflate, as any zip tool would). */
export const repack = (
  bytes: Uint8Array,
  change: (parts: Record<string, Uint8Array>) => void,
): Uint8Array => {
  const parts = unzipSync(bytes)
  change(parts)
  return zipSync(parts, { level: 6 })
}

export const text = (value: string): Uint8Array => new TextEncoder().encode(value)
export const partString = (parts: Record<string, Uint8Array>, name: string): string =>
  strFromU8(parts[name] ?? new Uint8Array())

/**
 * A password-protected Word file as Word and LibreOffice write one: an OLE compound file
 * (built with the `cfb` package) holding the `EncryptionInfo` and `EncryptedPackage` streams
 * instead of a zip package.
 */
export const passwordProtectedDocx = (): Uint8Array => {
  const container = CFB.utils.cfb_new()
  CFB.utils.cfb_add(container, '/EncryptionInfo', new Uint8Array([4, 0, 4, 0, 0x40, 0, 0, 0]))
  CFB.utils.cfb_add(container, '/EncryptedPackage', crypto.getRandomValues(new Uint8Array(4096)))
  return new Uint8Array(CFB.write(container, { type: 'buffer' }) as ArrayLike<number>)
}

/** An old Word 97 file: a compound file with a WordDocument stream and no encryption. */
export const legacyDoc = (): Uint8Array => {
  const container = CFB.utils.cfb_new()
  CFB.utils.cfb_add(container, '/WordDocument', new Uint8Array(512))
  return new Uint8Array(CFB.write(container, { type: 'buffer' }) as ArrayLike<number>)
}
