import type { DocumentAuthor } from '@accord/protocol'
import { colorFor } from './colorFor.js'
import type { Database } from './Database.js'
import { nowIso } from './ids.js'

/** From `fromClock` on, a client id's text is `userId`'s. */
export interface AuthorSpan {
  clientId: number
  fromClock: number
  userId: string
}

interface AuthorRow {
  client_id: number | string
  from_clock: number | string
  user_id: string
  name: string
}

// PostgreSQL returns BIGINT as a string.
const spanOf = (r: AuthorRow): AuthorSpan => ({
  clientId: Number(r.client_id),
  fromClock: Number(r.from_clock),
  userId: r.user_id,
})

/**
 * Who wrote each stretch of a document's Yjs client ids: written by the server from the
 * connection that sent the text, never by a client. Recording a span where one starts already
 * replaces it: the document no longer held that text (a crash lost it before it was saved),
 * and whoever delivered it again is the one who can be named.
 */
export class AuthorStore {
  constructor(private readonly db: Database) {}

  /** Every span of the document, for a room to carry on from. */
  async load(documentId: string): Promise<AuthorSpan[]> {
    const rows = await this.db.all<AuthorRow>(
      'SELECT client_id, from_clock, user_id FROM document_authors WHERE document_id = ? ORDER BY client_id, from_clock',
      [documentId],
    )
    return rows.map(spanOf)
  }

  async record(documentId: string, span: AuthorSpan): Promise<void> {
    await this.db.run(
      `INSERT INTO document_authors (document_id, client_id, from_clock, user_id, recorded_at)
       VALUES (?, ?, ?, ?, ?) ON CONFLICT (document_id, client_id, from_clock)
       DO UPDATE SET user_id = excluded.user_id, recorded_at = excluded.recorded_at`,
      [documentId, span.clientId, span.fromClock, span.userId, nowIso()],
    )
  }

  /** Every span with its person's name and colour, in the order they were recorded. */
  async list(documentId: string): Promise<DocumentAuthor[]> {
    const rows = await this.db.all<AuthorRow>(
      `SELECT a.client_id, a.from_clock, a.user_id, u.name FROM document_authors a
       JOIN users u ON u.id = a.user_id
       WHERE a.document_id = ? ORDER BY a.recorded_at, a.client_id, a.from_clock`,
      [documentId],
    )
    return rows.map((r) => ({
      clientId: Number(r.client_id),
      fromClock: Number(r.from_clock),
      user: { id: r.user_id, name: r.name, color: colorFor(r.user_id) },
    }))
  }
}
