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
  // 4: mail outbox, password-reset links, watching, the inbox, notification settings, review rounds
  `
  CREATE TABLE mail_outbox (
    id TEXT PRIMARY KEY,
    message_id TEXT NOT NULL UNIQUE,
    recipient TEXT NOT NULL,
    subject TEXT NOT NULL,
    text_body TEXT NOT NULL,
    html_body TEXT NOT NULL,
    headers TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','sent','failed')),
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    claimed_until INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    created_at TEXT NOT NULL,
    sent_at TEXT
  );
  CREATE INDEX mail_outbox_due ON mail_outbox(status, next_attempt_at);
  CREATE TABLE password_resets (
    token_hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    expires_at INTEGER NOT NULL
  );
  CREATE INDEX password_resets_user ON password_resets(user_id);
  CREATE TABLE watches (
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    watching INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (user_id, document_id)
  );
  CREATE INDEX watches_doc ON watches(document_id);
  CREATE TABLE notifications (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    type TEXT NOT NULL,
    document_id TEXT REFERENCES documents(id) ON DELETE CASCADE,
    thread_id TEXT,
    target TEXT,
    actor_id TEXT REFERENCES users(id),
    created_at TEXT NOT NULL,
    read_at TEXT,
    mail TEXT NOT NULL DEFAULT 'none' CHECK (mail IN ('none','queued','daily','batch'))
  );
  CREATE INDEX notifications_user ON notifications(user_id, created_at);
  CREATE INDEX notifications_mail ON notifications(mail, user_id);
  CREATE TABLE notification_settings (
    user_id TEXT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
    email TEXT NOT NULL CHECK (email IN ('immediate','daily','off')),
    kinds TEXT NOT NULL,
    digest_hour INTEGER NOT NULL,
    time_zone TEXT NOT NULL,
    last_digest_at INTEGER NOT NULL DEFAULT 0
  );
  CREATE TABLE server_keys (
    name TEXT PRIMARY KEY,
    secret TEXT NOT NULL
  );
  CREATE TABLE review_rounds (
    id TEXT PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    opened_by TEXT NOT NULL REFERENCES users(id),
    opened_at INTEGER NOT NULL,
    deadline INTEGER NOT NULL,
    instructions TEXT NOT NULL,
    participants TEXT,
    after_close TEXT NOT NULL CHECK (after_close IN ('draft','review')),
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','closed')),
    reminded INTEGER NOT NULL DEFAULT 0,
    closed_at INTEGER,
    closed_by TEXT REFERENCES users(id),
    summary TEXT,
    after_audit_id INTEGER NOT NULL
  );
  CREATE INDEX review_rounds_doc ON review_rounds(document_id, opened_at);
  CREATE INDEX review_rounds_open ON review_rounds(status, deadline);
  `,
  // 5: language versions: a document's language, a translation's source, clauses marked
  // translated, and the installation's glossary (terms per language as JSON)
  `
  ALTER TABLE documents ADD COLUMN language TEXT NOT NULL DEFAULT 'ru';
  ALTER TABLE documents ADD COLUMN source_document_id TEXT REFERENCES documents(id) ON DELETE RESTRICT;
  CREATE UNIQUE INDEX documents_source_language ON documents(source_document_id, language)
    WHERE source_document_id IS NOT NULL;
  CREATE TABLE translation_marks (
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    clause_id TEXT NOT NULL,
    source_text TEXT NOT NULL,
    marked_by TEXT NOT NULL REFERENCES users(id),
    marked_at TEXT NOT NULL,
    PRIMARY KEY (document_id, clause_id)
  );
  CREATE TABLE glossary_entries (
    id TEXT PRIMARY KEY,
    terms TEXT NOT NULL,
    forbidden TEXT NOT NULL,
    note TEXT NOT NULL,
    created_by TEXT REFERENCES users(id),
    updated_at TEXT NOT NULL
  );
  `,
  // 6: comments brought in from an imported file keep their original author's name
  `
  ALTER TABLE comment_messages ADD COLUMN imported_author TEXT;
  `,
  // 7: versions: why the server named one (before a restore, final), and for automatic ones how
  // much changed and who changed it
  `
  ALTER TABLE versions ADD COLUMN origin TEXT CHECK (origin IN ('beforeRestore','final'));
  ALTER TABLE versions ADD COLUMN origin_of TEXT;
  ALTER TABLE versions ADD COLUMN changes INTEGER;
  ALTER TABLE versions ADD COLUMN editors TEXT NOT NULL DEFAULT '[]';
  `,
  // 8: comment disposition: typed comments with a proposed change and a recorded decision, a
  // person's organization, and decisions on suggestions (kept with what the suggestion was,
  // since accepting or rejecting it takes it out of the text).
  `
  ALTER TABLE users ADD COLUMN organization TEXT;
  ALTER TABLE comment_threads ADD COLUMN comment_type TEXT NOT NULL DEFAULT 'general'
    CHECK (comment_type IN ('general','technical','editorial'));
  ALTER TABLE comment_threads ADD COLUMN proposed_change TEXT;
  ALTER TABLE comment_threads ADD COLUMN submitted_name TEXT;
  ALTER TABLE comment_threads ADD COLUMN submitted_organization TEXT;
  ALTER TABLE comment_threads ADD COLUMN decision TEXT
    CHECK (decision IN ('accepted','acceptedInPrinciple','rejected','noted'));
  ALTER TABLE comment_threads ADD COLUMN decision_reason TEXT;
  ALTER TABLE comment_threads ADD COLUMN decided_by TEXT REFERENCES users(id);
  ALTER TABLE comment_threads ADD COLUMN decided_at TEXT;
  CREATE TABLE suggestion_dispositions (
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    suggestion_id TEXT NOT NULL,
    decision TEXT NOT NULL CHECK (decision IN ('accepted','acceptedInPrinciple','rejected','noted')),
    reason TEXT NOT NULL,
    decided_by TEXT REFERENCES users(id),
    decided_at TEXT NOT NULL,
    suggestion TEXT NOT NULL,
    PRIMARY KEY (document_id, suggestion_id)
  );
  `,
  // 9: how each document was made final: the version that keeps its text, the decision about
  // what was still open (with the reason, when finalized anyway) and the appendix carried.
  `
  CREATE TABLE finalizations (
    id TEXT PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    version_id TEXT NOT NULL,
    finalized_at TEXT NOT NULL,
    finalized_by TEXT REFERENCES users(id),
    decision TEXT NOT NULL CHECK (decision IN ('none','appendix','finalizeAnyway')),
    reason TEXT,
    appendix TEXT
  );
  CREATE INDEX finalizations_doc ON finalizations(document_id, finalized_at);
  `,
  // 10: "My work": when each person last opened each document (written when their WebSocket joins),
  // and each document's open suggestions as last saved from its live text, so the page counts
  // suggestions across documents without loading every document.
  `
  CREATE TABLE document_opens (
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    opened_at TEXT NOT NULL,
    PRIMARY KEY (user_id, document_id)
  );
  CREATE TABLE open_suggestions (
    document_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    suggestions TEXT NOT NULL,
    saved_at TEXT NOT NULL
  );
  `,
  // 11: public consultation: a named version published for comment between two dates, and the
  // public's comments (held until confirmed and moderated; the e-mail address is erased after
  // the retention period, or on request)
  `
  CREATE TABLE consultations (
    id TEXT PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    version_id TEXT NOT NULL,
    slug TEXT NOT NULL UNIQUE,
    opens_at INTEGER NOT NULL,
    closes_at INTEGER NOT NULL,
    introduction TEXT NOT NULL,
    created_by TEXT REFERENCES users(id),
    created_at TEXT NOT NULL,
    personal_data_erased_at TEXT
  );
  CREATE INDEX consultations_doc ON consultations(document_id);
  CREATE TABLE public_comments (
    id TEXT PRIMARY KEY,
    consultation_id TEXT NOT NULL REFERENCES consultations(id) ON DELETE CASCADE,
    clause_id TEXT NOT NULL,
    name TEXT NOT NULL,
    organization TEXT,
    email TEXT,
    publish_name INTEGER NOT NULL,
    comment_type TEXT NOT NULL CHECK (comment_type IN ('general','technical','editorial')),
    body TEXT NOT NULL,
    proposed_change TEXT,
    status TEXT NOT NULL CHECK (status IN ('unconfirmed','pending','published','rejected')),
    rejection_reason TEXT,
    confirm_token_hash TEXT UNIQUE,
    confirmed_at TEXT,
    created_at TEXT NOT NULL,
    moderated_by TEXT REFERENCES users(id),
    moderated_at TEXT,
    decision TEXT CHECK (decision IN ('accepted','acceptedInPrinciple','rejected','noted')),
    decision_reason TEXT,
    decided_by TEXT REFERENCES users(id),
    decided_at TEXT
  );
  CREATE INDEX public_comments_consultation ON public_comments(consultation_id, status, created_at);
  CREATE INDEX public_comments_email ON public_comments(email);
  `,
  // 12: authorship: which account wrote each stretch of a Yjs client id's clocks in a document,
  // recorded by the server from the connection that sent the text (clients cannot write it).
  // A client id normally has one row; another person's text under the same id starts another.
  `
  CREATE TABLE document_authors (
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    client_id INTEGER NOT NULL,
    from_clock INTEGER NOT NULL,
    user_id TEXT NOT NULL REFERENCES users(id),
    recorded_at TEXT NOT NULL,
    PRIMARY KEY (document_id, client_id, from_clock)
  );
  `,
]
