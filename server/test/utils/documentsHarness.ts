import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { AuditEntry, DocumentEvent, DocumentStatus, Role } from '@accord/protocol'
import { ROLES } from '@accord/protocol'
import { LocalCluster } from '../../src/cluster/LocalCluster.js'
import { RoomRegistry } from '../../src/collab/RoomRegistry.js'
import { DocumentEvents } from '../../src/documents/DocumentEvents.js'
import type { Actor, DocumentsContext } from '../../src/documents/DocumentsContext.js'
import { documentOperations } from '../../src/documents/documentOperations.js'
import { InFlightEdits } from '../../src/documents/versions/InFlightEdits.js'
import { DomainError } from '../../src/errors/DomainError.js'
import { ExportPool } from '../../src/export/ExportPool.js'
import { ExportQueue } from '../../src/export/ExportQueue.js'
import { ImportPool } from '../../src/import/ImportPool.js'
import { ImportSlots } from '../../src/import/ImportSlots.js'
import { createLogger } from '../../src/logger.js'
import { ReviewRoundStore } from '../../src/reviewRounds/ReviewRoundStore.js'
import { AuditLog } from '../../src/store/AuditLog.js'
import { AuthorStore } from '../../src/store/AuthorStore.js'
import { CommentStore } from '../../src/store/CommentStore.js'
import { ConsultationStore } from '../../src/store/ConsultationStore.js'
import { DocumentCatalog } from '../../src/store/DocumentCatalog.js'
import { DocumentOpens } from '../../src/store/DocumentOpens.js'
import { FinalizationStore } from '../../src/store/FinalizationStore.js'
import { GlossaryStore } from '../../src/store/GlossaryStore.js'
import { OpenSuggestions } from '../../src/store/OpenSuggestions.js'
import { PublicCommentStore } from '../../src/store/PublicCommentStore.js'
import { SqlDocumentStore } from '../../src/store/SqlDocumentStore.js'
import { SuggestionDispositionStore } from '../../src/store/SuggestionDispositionStore.js'
import { openSqlite } from '../../src/store/sqlite/openSqlite.js'
import { TranslationMarks } from '../../src/store/TranslationMarks.js'
import { UserStore } from '../../src/store/UserStore.js'
import { VersionStore } from '../../src/store/VersionStore.js'
import { WaitingThreads } from '../../src/store/WaitingThreads.js'

/**
 * The document operations on their own, without HTTP: real stores in a temporary SQLite
 * database, the real room registry as the live-document port, an event channel that records
 * what was published, and one person per role.
 */
export interface DocumentsHarness {
  documents: ReturnType<typeof documentOperations>
  ctx: DocumentsContext
  registry: RoomRegistry
  /** One account per role. */
  people: Record<Role, Actor>
  /** Everything published on event streams, in order. */
  published: { documentId: string; event: DocumentEvent }[]
  /** Every status announced to open connections, in order. */
  announced: { documentId: string; status: DocumentStatus }[]
  /** The audit entries of a document (or the installation), oldest first. */
  auditOf(documentId?: string): Promise<AuditEntry[]>
  close(): Promise<void>
}

export const documentsHarness = async (): Promise<DocumentsHarness> => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-documents-'))
  const db = await openSqlite(dataDir)
  const logger = createLogger('silent')
  const users = new UserStore(db)
  const catalog = new DocumentCatalog(db)
  const versions = new VersionStore(db)
  const authors = new AuthorStore(db)
  const audit = new AuditLog(db)
  const published: DocumentsHarness['published'] = []
  const announced: DocumentsHarness['announced'] = []
  const events = new DocumentEvents({
    send: (documentId, event) => published.push({ documentId, event }),
    onReceive: () => undefined,
  })
  const registry = new RoomRegistry(
    new SqlDocumentStore(db),
    async (id) => (await catalog.get(id))?.status,
    { flushDelayMs: 5, compactAfterUpdates: 100, idleUnloadMs: 60_000, authors },
    logger,
    new LocalCluster(),
  )
  const inFlightEdits = new InFlightEdits(versions, logger)
  const exportPool = new ExportPool({ workers: 1, timeoutMs: 60_000, workerMemoryMb: 256 }, logger)
  const importPool = new ImportPool({ workers: 1, timeoutMs: 60_000, workerMemoryMb: 256 }, logger)
  const ctx: DocumentsContext = {
    catalog,
    versions,
    authors,
    comments: new CommentStore(db),
    suggestionDispositions: new SuggestionDispositionStore(db),
    consultations: new ConsultationStore(db),
    publicComments: new PublicCommentStore(db),
    finalizations: new FinalizationStore(db),
    users,
    audit,
    events,
    live: registry,
    announceStatus: (documentId, status) => {
      announced.push({ documentId, status })
      registry.setStatus(documentId, status)
    },
    inFlightEdits,
    exportQueue: new ExportQueue({ running: 1, waiting: 4, perAccount: 2 }),
    exportPool,
    translationMarks: new TranslationMarks(db),
    glossary: new GlossaryStore(db),
    importPool,
    importSlots: new ImportSlots(2),
    logger,
    waitingThreads: new WaitingThreads(db),
    openSuggestions: new OpenSuggestions(db),
    documentOpens: new DocumentOpens(db),
    rounds: new ReviewRoundStore(db),
  }
  const people = {} as Record<Role, Actor>
  for (const role of ROLES) {
    const user = await users.create({
      email: `${role}@example.org`,
      name: role,
      role,
      passwordHash: null,
    })
    if (!user) throw new Error(`could not create the ${role}`)
    people[role] = user
  }
  return {
    documents: documentOperations(ctx),
    ctx,
    registry,
    people,
    published,
    announced,
    auditOf: async (documentId) => (await audit.list({ documentId, limit: 500 })).reverse(),
    close: async () => {
      await exportPool.close()
      await importPool.close()
      await registry.closeAll()
      await inFlightEdits.close()
      await db.close()
      fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

/** How an operation ended: 'ok', or the kind and code it was refused with (`forbidden:forbidden`). */
export const outcome = async (work: Promise<unknown>): Promise<string> =>
  work.then(
    () => 'ok',
    (err: unknown) => {
      if (err instanceof DomainError) return `${err.kind}:${err.code}`
      throw err
    },
  )
