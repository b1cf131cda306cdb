const HOUR = 60 * 60 * 1000
const DAY = 24 * HOUR

/**
 * Which automatic versions to drop: all are kept for a day, then one per hour for a
 * week, then one per day. The first of each hour or day is kept, so the oldest state
 * of every period stays recoverable. Named versions never reach this function.
 */
export const thinAutoVersions = (
  versions: readonly { id: string; createdAt: string }[],
  now: number,
): string[] => {
  const seen = new Set<string>()
  const drop: string[] = []
  const sorted = [...versions].sort((a, b) => a.createdAt.localeCompare(b.createdAt))
  for (const version of sorted) {
    const at = Date.parse(version.createdAt)
    const age = now - at
    if (age < DAY) continue
    const bucket = age < 7 * DAY ? `h${Math.floor(at / HOUR)}` : `d${Math.floor(at / DAY)}`
    if (seen.has(bucket)) drop.push(version.id)
    else seen.add(bucket)
  }
  return drop
}
