import type { VersionInfo } from '@accord/protocol'

/** A named version, or automatic versions in a row between two named ones (folded together). */
export type VersionEntry =
  | { kind: 'named'; version: VersionInfo }
  | { kind: 'automatic'; versions: VersionInfo[] }

export interface VersionDay {
  /** The day's key as `dayOf` gave it, e.g. `2026-11-28` in the viewer's time zone. */
  day: string
  entries: VersionEntry[]
}

/**
 * Versions (newest first) grouped by day, each run of automatic versions folded into one
 * entry that sits under the named version after which it was kept. `showAutomatic: false`
 * leaves automatic versions out, and days with nothing else.
 */
export const groupVersions = (
  versions: readonly VersionInfo[],
  dayOf: (iso: string) => string,
  showAutomatic: boolean,
): VersionDay[] => {
  const days: VersionDay[] = []
  for (const version of versions) {
    if (version.kind === 'auto' && !showAutomatic) continue
    const day = dayOf(version.createdAt)
    let group = days.at(-1)
    if (group?.day !== day) {
      group = { day, entries: [] }
      days.push(group)
    }
    const last = group.entries.at(-1)
    if (version.kind === 'named') group.entries.push({ kind: 'named', version })
    else if (last?.kind === 'automatic') last.versions.push(version)
    else group.entries.push({ kind: 'automatic', versions: [version] })
  }
  return days
}
