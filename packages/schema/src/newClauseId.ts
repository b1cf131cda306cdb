const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz'
const LENGTH = 11

/** What a clause id must look like: URL-safe, at most 64 characters (the API's id rule). */
const VALID_ID = /^[A-Za-z0-9_-]{1,64}$/

/**
 * A fresh clause id: `c` and 11 random base-36 characters (~57 bits). Unique within a document
 * by a wide margin; starts with a letter so it is also a valid HTML id and CSS selector.
 */
export const newClauseId = (): string => {
  const bytes = crypto.getRandomValues(new Uint8Array(LENGTH))
  let id = 'c'
  // 256 % 36 leaves a slight bias towards the first characters; harmless for ids.
  for (const byte of bytes) id += ALPHABET[byte % ALPHABET.length]
  return id
}

export const isValidClauseId = (value: unknown): value is string =>
  typeof value === 'string' && VALID_ID.test(value)
