/**
 * The mention being typed just before the caret: an `@` at the start or after a space, then
 * letters of any script (Cyrillic and Latin alike), digits, dots, hyphens, and single spaces
 * between up to three words ("@Анна Пав"). Null when the caret is not in one.
 */
export const mentionQuery = (
  text: string,
  caret: number,
): { start: number; query: string } | null => {
  const before = text.slice(0, caret)
  const match = /(^|\s)@((?:[\p{L}\p{N}.'-]+ ?){0,3})$/u.exec(before)
  if (!match) return null
  const query = match[2] ?? ''
  // Ended by a space: a name chosen (or typed out) is complete; the list closes until a letter follows.
  if (query.endsWith(' ')) return null
  return { start: before.length - query.length - 1, query }
}

/** The people whose "@Name" is still in the text (a mention deleted while editing is dropped). */
export const mentionsIn = (
  text: string,
  chosen: readonly { id: string; name: string }[],
): string[] => [...new Set(chosen.filter((p) => text.includes(`@${p.name}`)).map((p) => p.id))]
