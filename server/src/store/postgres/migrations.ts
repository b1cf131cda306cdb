import type { PostgresDatabase } from './PostgresDatabase.js'

/**
 * The PostgreSQL schema, step for step the same as SQLite's (sqlite/migrations.ts), in
 * PostgreSQL's types: BYTEA for Yjs state, BIGINT for epoch milliseconds, identity columns
 * for sequences. Recorded in `accord_schema`. Append new steps; never edit one that has shipped.
 */
const MIGRATIONS: readonly string[] = [
  // 1: accounts, sessions, invitations, documents, the update log, the audit log
  `
  CREATE TABLE users (
    id TEXT PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('observer','member','coordinator','secretariat')),
    password_hash TEXT,
    language TEXT CHECK (language IN ('ru','en')),
    active INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL
  );
  CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    expires_at BIGINT NOT NULL
  );
  CREATE INDEX sessions_user ON sessions(user_id);
  CREATE TABLE invitations (
    token_hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    expires_at BIGINT NOT NULL
  );
  CREATE TABLE documents (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','review','final')),
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL REFERENCES users(id),
    updated_at TEXT NOT NULL,
    status_changed_at TEXT NOT NULL,
    status_changed_by TEXT REFERENCES users(id)
  );
  CREATE TABLE document_state (
    document_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    state BYTEA NOT NULL,
    compacted_at TEXT NOT NULL
  );
  CREATE TABLE document_updates (
    seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    update_data BYTEA NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE INDEX document_updates_doc ON document_updates(document_id, seq);
  CREATE TABLE audit_log (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at TEXT NOT NULL,
    user_id TEXT,
    action TEXT NOT NULL,
    document_id TEXT,
    details TEXT
  );
  CREATE INDEX audit_log_doc ON audit_log(document_id, at);
  `,
  // 2: comment threads and their messages
  `
  CREATE TABLE comment_threads (
    id TEXT PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','resolved')),
    quote TEXT NOT NULL,
    anchor_start TEXT NOT NULL,
    anchor_end TEXT NOT NULL,
    clause_id TEXT,
    created_by TEXT NOT NULL REFERENCES users(id),
    created_at TEXT NOT NULL,
    resolved_by TEXT REFERENCES users(id),
    resolved_at TEXT
  );
  CREATE INDEX comment_threads_doc ON comment_threads(document_id);
  CREATE TABLE comment_messages (
    id TEXT PRIMARY KEY,
    thread_id TEXT NOT NULL REFERENCES comment_threads(id) ON DELETE CASCADE,
    author_id TEXT NOT NULL REFERENCES users(id),
    body TEXT NOT NULL,
    created_at TEXT NOT NULL,
    edited_at TEXT
  );
  CREATE INDEX comment_messages_thread ON comment_messages(thread_id, created_at);
  `,
  // 3: versions
  `
  CREATE TABLE versions (
    id TEXT PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    note TEXT,
    kind TEXT NOT NULL CHECK (kind IN ('named','auto')),
    state BYTEA NOT NULL,
    content TEXT NOT NULL,
    created_at TEXT NOT NULL,
    created_by TEXT REFERENCES users(id)
  );
  CREATE INDEX versions_doc ON versions(document_id, created_at);
  `,
]

export const SCHEMA_VERSION = MIGRATIONS.length

/** Any constant both instances agree on: the key of the advisory lock migrations hold. */
const MIGRATION_LOCK = 4_242_001

/**
 * Brings the schema up to date. Instances starting together take turns on an advisory
 * lock, so each step runs once; each step commits with its version number or not at all.
 */
export const migrate = async (db: PostgresDatabase): Promise<void> => {
  await db.withClient(async (client) => {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK])
    try {
      await client.query('CREATE TABLE IF NOT EXISTS accord_schema (version INTEGER NOT NULL)')
      const { rows } = await client.query<{ version: number }>(
        'SELECT max(version) AS version FROM accord_schema',
      )
      const current = rows[0]?.version ?? 0
      if (current > SCHEMA_VERSION) {
        throw new Error(
          `The database is at schema version ${current}, newer than this server (${SCHEMA_VERSION}). Upgrade Accord.`,
        )
      }
      for (let version = current; version < SCHEMA_VERSION; version++) {
        await client.query('BEGIN')
        try {
          await client.query(MIGRATIONS[version] as string)
          await client.query('INSERT INTO accord_schema (version) VALUES ($1)', [version + 1])
          await client.query('COMMIT')
        } catch (err) {
          await client.query('ROLLBACK').catch(() => undefined)
          throw err
        }
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined)
    }
  })
}
