import type { VersionInfo } from '@accord/protocol'
import { describe, expect, it } from 'vitest'
import { groupVersions } from './versionGroups'

const version = (id: string, kind: 'named' | 'auto', createdAt: string): VersionInfo => ({
  id,
  documentId: 'd',
  name: id,
  note: null,
  kind,
  createdAt,
  author: null,
  origin: null,
  originOf: null,
  changes: kind === 'auto' ? 1 : null,
  editors: [],
})

// Newest first, as the server lists them.
const versions = [
  version('a3', 'auto', '2026-11-28T15:00:00Z'),
  version('a2', 'auto', '2026-11-28T14:00:00Z'),
  version('draft2', 'named', '2026-11-28T12:00:00Z'),
  version('a1', 'auto', '2026-11-28T11:00:00Z'),
  version('draft1', 'named', '2026-11-27T09:00:00Z'),
  version('a0', 'auto', '2026-11-26T09:00:00Z'),
]
const utcDay = (iso: string) => iso.slice(0, 10)
const ids = (days: ReturnType<typeof groupVersions>) =>
  days.map(({ day, entries }) => [
    day,
    entries.map((e) => (e.kind === 'named' ? e.version.id : e.versions.map((v) => v.id))),
  ])

describe('groupVersions', () => {
  it('groups by day and folds each run of automatic versions into one entry', () => {
    expect(ids(groupVersions(versions, utcDay, true))).toEqual([
      ['2026-11-28', [['a3', 'a2'], 'draft2', ['a1']]],
      ['2026-11-27', ['draft1']],
      ['2026-11-26', [['a0']]],
    ])
  })

  it('hides automatic versions, and the days that had only those', () => {
    expect(ids(groupVersions(versions, utcDay, false))).toEqual([
      ['2026-11-28', ['draft2']],
      ['2026-11-27', ['draft1']],
    ])
  })
})
