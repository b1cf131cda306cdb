import type { GlossaryEntry } from '@accord/protocol'
import type { Database } from './Database.js'
import { newId, nowIso } from './ids.js'

interface EntryRow {
  id: string
  terms: string
  forbidden: string
  note: string
  updated_at: string
}

const toEntry = (r: EntryRow): GlossaryEntry => ({
  id: r.id,
  terms: JSON.parse(r.terms) as GlossaryEntry['terms'],
  forbidden: JSON.parse(r.forbidden) as GlossaryEntry['forbidden'],
  note: r.note,
  updatedAt: r.updated_at,
})

/** What an entry says, without its id and time. */
export type GlossaryContent = Pick<GlossaryEntry, 'terms' | 'forbidden' | 'note'>

/** The installation's termbase: one row per concept, its terms per language as JSON. */
export class GlossaryStore {
  constructor(private readonly db: Database) {}

  async list(): Promise<GlossaryEntry[]> {
    const rows = await this.db.all<EntryRow>(
      'SELECT id, terms, forbidden, note, updated_at FROM glossary_entries ORDER BY updated_at, id',
    )
    return rows.map(toEntry)
  }

  async count(): Promise<number> {
    const row = await this.db.get<{ n: number }>('SELECT count(*) AS n FROM glossary_entries')
    return Number(row?.n ?? 0)
  }

  async get(id: string): Promise<GlossaryEntry | undefined> {
    const row = await this.db.get<EntryRow>(
      'SELECT id, terms, forbidden, note, updated_at FROM glossary_entries WHERE id = ?',
      [id],
    )
    return row && toEntry(row)
  }

  /** Adds entries in one transaction: an import is added whole or not at all. */
  async add(contents: readonly GlossaryContent[], userId: string): Promise<GlossaryEntry[]> {
    const at = nowIso()
    const rows = contents.map((content) => ({ id: newId(), ...content }))
    await this.db.transaction(async (tx) => {
      for (const row of rows) {
        await tx.run(
          'INSERT INTO glossary_entries (id, terms, forbidden, note, created_by, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
          [row.id, JSON.stringify(row.terms), JSON.stringify(row.forbidden), row.note, userId, at],
        )
      }
    })
    return rows.map((row) => ({ ...row, updatedAt: at }))
  }

  async update(id: string, content: GlossaryContent): Promise<GlossaryEntry | undefined> {
    const { changes } = await this.db.run(
      'UPDATE glossary_entries SET terms = ?, forbidden = ?, note = ?, updated_at = ? WHERE id = ?',
      [
        JSON.stringify(content.terms),
        JSON.stringify(content.forbidden),
        content.note,
        nowIso(),
        id,
      ],
    )
    return changes === 1 ? this.get(id) : undefined
  }

  async remove(id: string): Promise<boolean> {
    const { changes } = await this.db.run('DELETE FROM glossary_entries WHERE id = ?', [id])
    return changes === 1
  }
}
