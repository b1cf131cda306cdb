/**
 * The schema, step by step, in SQLite's words; PostgreSQL runs the same steps translated
 * by `postgres/migrations.ts`. Append new steps; never edit one that has shipped.
 */
export const SCHEMA_STEPS: readonly string[] = [
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
    expires_at INTEGER NOT NULL
  );
  CREATE INDEX sessions_user ON sessions(user_id);
  CREATE TABLE invitations (
    token_hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    expires_at INTEGER NOT NULL
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
    state BLOB NOT NULL,
    compacted_at TEXT NOT NULL
  );
  CREATE TABLE document_updates (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    update_data BLOB NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE INDEX document_updates_doc ON document_updates(document_id, seq);
  CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    user_id TEXT,
    action TEXT NOT NULL,
    document_id TEXT,
    details TEXT
  );
  CREATE INDEX audit_log_doc ON audit_log(document_id, at);
  `,
  // 2: comment threads and their messages (outside the Y.Doc, so the server decides who may write)
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
  // 3: versions: full Yjs state snapshots, named by people or kept automatically
  `
  CREATE TABLE versions (
    id TEXT PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    note TEXT,
    kind TEXT NOT NULL CHECK (kind IN ('named','auto')),
    state BLOB NOT NULL,
    content TEXT NOT NULL,
    created_at TEXT NOT NULL,
    created_by TEXT REFERENCES users(id)
  );
  CREATE INDEX versions_doc ON versions(document_id, created_at);
  `,
  // 4: comments brought in from an imported file keep their original author's name
  `
  ALTER TABLE comment_messages ADD COLUMN imported_author TEXT;
  `,
]
