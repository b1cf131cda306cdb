/**
 * Values written into SQLite statements as literals, for `Database.transactionScript`, which
 * takes no parameters. SQLite's own literal syntax: text in single quotes with each quote
 * doubled (SQLite has no backslash escapes, so nothing else can end the literal), bytes as
 * X'hex'. Whatever the value holds, the literal is one value.
 */

export const sqliteText = (text: string): string => {
  // The script goes to SQLite as a C string: a NUL would end it there.
  if (text.includes('\0')) throw new Error('a NUL character cannot be written as a SQLite literal')
  return `'${text.replaceAll("'", "''")}'`
}

export const sqliteBlob = (bytes: Uint8Array): string =>
  `X'${Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex')}'`
