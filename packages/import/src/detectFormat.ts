import { ImportError, ImportRefusal } from './ImportError.js'
import { isZip } from './package/readPackage.js'

export const IMPORT_FORMATS = ['docx', 'odt', 'md', 'html'] as const
export type ImportFormat = (typeof IMPORT_FORMATS)[number]

const BY_EXTENSION: Record<string, ImportFormat> = {
  docx: 'docx',
  docm: 'docx',
  odt: 'odt',
  md: 'md',
  markdown: 'md',
  html: 'html',
  htm: 'html',
}

/** The extensions a person may pick, for the file chooser. */
export const IMPORT_EXTENSIONS = Object.keys(BY_EXTENSION).map((e) => `.${e}`)

const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]
const isCompoundFile = (bytes: Uint8Array) => CFB.every((b, i) => bytes[i] === b)
// An encrypted Office file is a compound file holding an "EncryptedPackage" stream (UTF-16 name).
const ENCRYPTED_PACKAGE = new Uint8Array(
  Array.from('EncryptedPackage').flatMap((c) => [c.charCodeAt(0), 0]),
)

const contains = (bytes: Uint8Array, needle: Uint8Array): boolean => {
  outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer
    return true
  }
  return false
}

/** A text file's contents: UTF-8 (a BOM is skipped), with no NUL bytes. */
export const decodeText = (bytes: Uint8Array): string => {
  if (isZip(bytes) || isCompoundFile(bytes) || bytes.subarray(0, 8192).includes(0))
    throw new ImportError(ImportRefusal.notWhatItSays, 'binary data')
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes)
  } catch {
    throw new ImportError(ImportRefusal.notUtf8)
  }
}

/**
 * The format of a file from its name, checked against its first bytes: a Word file must be a
 * zip package (an old .doc or a password-protected .docx is a compound file, said so), text
 * formats must be text.
 */
export const detectFormat = (fileName: string, bytes: Uint8Array): ImportFormat => {
  if (bytes.length === 0) throw new ImportError(ImportRefusal.empty)
  const extension = fileName.toLowerCase().split('.').pop() ?? ''
  const format = fileName.includes('.') ? BY_EXTENSION[extension] : undefined
  if (!format) throw new ImportError(ImportRefusal.unknownType)
  if (format === 'docx' || format === 'odt') {
    if (isCompoundFile(bytes)) {
      if (contains(bytes, ENCRYPTED_PACKAGE)) throw new ImportError(ImportRefusal.passwordProtected)
      throw new ImportError(
        format === 'docx' ? ImportRefusal.legacyWord : ImportRefusal.notWhatItSays,
      )
    }
    if (!isZip(bytes)) throw new ImportError(ImportRefusal.notWhatItSays, 'not a zip package')
  }
  return format
}
