/**
 * The author id of a suggestion or comment brought in from a file: the person has a name in
 * the file but no account here. A well-formed id (the API's id rule), the same for the same
 * name, so "accept everything by this author" works for them as for members.
 */
const PREFIX = 'imported-'

/** FNV-1a over the name's UTF-16 units, twice with different seeds: 16 hex digits. */
const fnv = (text: string, seed: number): string => {
  let hash = seed >>> 0
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  return hash.toString(16).padStart(8, '0')
}

export const importedAuthorId = (name: string): string =>
  `${PREFIX}${fnv(name, 0x811c9dc5)}${fnv(name, 0x01000193)}`

export const isImportedAuthorId = (id: string): boolean => id.startsWith(PREFIX)
