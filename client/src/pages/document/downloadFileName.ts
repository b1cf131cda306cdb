/**
 * The file name a `Content-Disposition` header offers: the UTF-8 `filename*` (RFC 6266) when
 * present, so Cyrillic titles survive, else the plain `filename`; null when there is none.
 */
export const downloadFileName = (header: string | null): string | null => {
  if (!header) return null
  const extended = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header)?.[1]
  if (extended) {
    try {
      return decodeURIComponent(extended.trim())
    } catch {
      // A malformed percent-encoding: fall back to the plain name.
    }
  }
  const plain = /filename\s*=\s*"((?:[^"\\]|\\.)*)"/i.exec(header)?.[1]
  return plain ? plain.replace(/\\(.)/g, '$1') : null
}
