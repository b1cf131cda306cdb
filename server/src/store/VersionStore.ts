import type { VersionInfo, VersionOrigin } from '@accord/protocol'
import type { JSONContent } from '@tiptap/core'
import type { Database } from './Database.js'
import { newId, nowIso } from './ids.js'

interface VersionRow {
  id: string
  document_id: string
  name: string
  note: string | null
  kind: 'named' | 'auto'
  created_at: string
  created_by: string | null
  author_name: string | null
  origin: VersionOrigin | null
  origin_of: string | null
  changes: number | string | null
  editors: string
}

const toInfo = (r: VersionRow): VersionInfo => ({
  id: r.id,
  documentId: r.document_id,
  name: r.name,
  note: r.note,
  kind: r.kind,
  createdAt: r.created_at,
  author: r.created_by ? { id: r.created_by, name: r.author_name ?? '' } : null,
  origin: r.origin,
  originOf: r.origin_of === null ? null : (JSON.parse(r.origin_of) as VersionInfo['originOf']),
  // PostgreSQL returns BIGINT as a string.
  changes: r.changes === null ? null : Number(r.changes),
  editors: JSON.parse(r.editors) as { id: string; name: string }[],
})

const SELECT = `SELECT v.id, v.document_id, v.name, v.note, v.kind, v.created_at, v.created_by, u.name AS author_name,
    v.origin, v.origin_of, v.changes, v.editors
  FROM versions v LEFT JOIN users u ON u.id = v.created_by`

/** Versions: the full Yjs state plus its ProseMirror JSON (for fast diffs and viewing). */
export class VersionStore {
  constructor(private readonly db: Database) {}

  async create(input: {
    documentId: string
    name: string
    note: string | null
    kind: 'named' | 'auto'
    state: Uint8Array
    content: JSONContent
    userId: string | null
    /** Set when the server names the version itself; see `VersionInfo.origin`. */
    origin?: { kind: VersionOrigin; of?: VersionInfo['originOf'] }
    /** Automatic versions: what changed since the previous one, and who changed it. */
    change?: { size: number; editors: { id: string; name: string }[] }
  }): Promise<VersionInfo> {
    const id = newId()
    await this.db.run(
      `INSERT INTO versions (id, document_id, name, note, kind, state, content, created_at, created_by,
         origin, origin_of, changes, editors)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        id,
        input.documentId,
        input.name,
        input.note,
        input.kind,
        Buffer.from(input.state),
        JSON.stringify(input.content),
        nowIso(),
        input.userId,
        input.origin?.kind ?? null,
        input.origin?.of ? JSON.stringify(input.origin.of) : null,
        input.change?.size ?? null,
        JSON.stringify(input.change?.editors ?? []),
      ],
    )
    return (await this.info(input.documentId, id)) as VersionInfo
  }

  /**
   * Replaces a version's state and JSON with a fuller one; its name, author and time stay.
   * Only a restore's "before" version is amended, with edits that were in flight when it ran.
   */
  async amend(
    documentId: string,
    id: string,
    state: Uint8Array,
    content: JSONContent,
  ): Promise<void> {
    await this.db.run(
      'UPDATE versions SET state = ?, content = ? WHERE id = ? AND document_id = ?',
      [Buffer.from(state), JSON.stringify(content), id, documentId],
    )
  }

  /** Newest first. */
  async list(documentId: string): Promise<VersionInfo[]> {
    const rows = await this.db.all<VersionRow>(
      `${SELECT} WHERE v.document_id = ? ORDER BY v.created_at DESC`,
      [documentId],
    )
    return rows.map(toInfo)
  }

  async info(documentId: string, id: string): Promise<VersionInfo | undefined> {
    const row = await this.db.get<VersionRow>(`${SELECT} WHERE v.id = ? AND v.document_id = ?`, [
      id,
      documentId,
    ])
    return row && toInfo(row)
  }

  async content(
    documentId: string,
    id: string,
  ): Promise<{ content: JSONContent; state: Uint8Array } | undefined> {
    const row = await this.db.get<{ content: string; state: Buffer }>(
      'SELECT content, state FROM versions WHERE id = ? AND document_id = ?',
      [id, documentId],
    )
    return (
      row && { content: JSON.parse(row.content) as JSONContent, state: new Uint8Array(row.state) }
    )
  }

  /** Automatic versions, oldest first, for thinning. */
  async autoVersions(documentId: string): Promise<{ id: string; createdAt: string }[]> {
    return this.db.all<{ id: string; createdAt: string }>(
      `SELECT id, created_at AS "createdAt" FROM versions WHERE document_id = ? AND kind = 'auto' ORDER BY created_at`,
      [documentId],
    )
  }

  async documentsWithAutoVersions(): Promise<string[]> {
    const rows = await this.db.all<{ document_id: string }>(
      "SELECT DISTINCT document_id FROM versions WHERE kind = 'auto'",
    )
    return rows.map((r) => r.document_id)
  }

  async delete(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return
    await this.db.transaction(async (tx) => {
      for (const id of ids)
        await tx.run("DELETE FROM versions WHERE id = ? AND kind = 'auto'", [id])
    })
  }
}
