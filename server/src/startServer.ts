import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { Role } from '@accord/protocol'
import { accountOperations } from './accounts/accountOperations.js'
import { Authenticator } from './auth/Authenticator.js'
import { LiveSessions } from './auth/LiveSessions.js'
import { hashPassword } from './auth/password.js'
import { SetupToken } from './auth/SetupToken.js'
import type { Cluster } from './cluster/Cluster.js'
import { LocalCluster } from './cluster/LocalCluster.js'
import { RoomRegistry } from './collab/RoomRegistry.js'
import type { Config } from './config.js'
import { consultationOperations } from './consultations/consultationOperations.js'
import { PublishedComments } from './consultations/PublishedComments.js'
import { VersionTexts } from './consultations/VersionTexts.js'
import { AnchorFollower } from './documents/comments/anchors/AnchorFollower.js'
import { DocumentEvents } from './documents/DocumentEvents.js'
import { documentOperations } from './documents/documentOperations.js'
import { LanguageFollower } from './documents/languages/LanguageFollower.js'
import { OpenSuggestionsKeeper } from './documents/suggestions/OpenSuggestionsKeeper.js'
import { InFlightEdits } from './documents/versions/InFlightEdits.js'
import { VersionKeeper } from './documents/versions/VersionKeeper.js'
import { ExportPool } from './export/ExportPool.js'
import { ExportQueue } from './export/ExportQueue.js'
import { glossaryOperations } from './glossary/glossaryOperations.js'
import { createApp } from './http/createApp.js'
import { answerKeptPages } from './http/routes/consultationPages/answerKeptPage.js'
import { KeptPages } from './http/routes/consultationPages/keptPages.js'
import { ImportPool } from './import/ImportPool.js'
import { ImportSlots } from './import/ImportSlots.js'
import type { Logger } from './logger.js'
import { type Clock, systemClock } from './mail/Clock.js'
import { serverKey } from './mail/serverKey.js'
import { startMail } from './mail/startMail.js'
import { UnsubscribeTokens } from './mail/UnsubscribeTokens.js'
import { DigestScheduler } from './notifications/DigestScheduler.js'
import { InboxEvents } from './notifications/InboxEvents.js'
import { NotificationSettingsStore } from './notifications/NotificationSettingsStore.js'
import { NotificationStore } from './notifications/NotificationStore.js'
import { Notifier } from './notifications/Notifier.js'
import { notificationOperations } from './notifications/notificationOperations.js'
import { PeriodicTask } from './notifications/PeriodicTask.js'
import { WatchStore } from './notifications/WatchStore.js'
import { ReviewRoundStore } from './reviewRounds/ReviewRoundStore.js'
import { ReviewRounds } from './reviewRounds/ReviewRounds.js'
import { AuditLog } from './store/AuditLog.js'
import { AuthorStore } from './store/AuthorStore.js'
import { CommentStore } from './store/CommentStore.js'
import { ConsultationStore } from './store/ConsultationStore.js'
import { DocumentCatalog } from './store/DocumentCatalog.js'
import { DocumentOpens } from './store/DocumentOpens.js'
import { FinalizationStore } from './store/FinalizationStore.js'
import { GlossaryStore } from './store/GlossaryStore.js'
import {
  INVITATION_LINKS,
  OneTimeLinkStore,
  PASSWORD_RESET_LINKS,
} from './store/OneTimeLinkStore.js'
import { OpenSuggestions } from './store/OpenSuggestions.js'
import { openStorage } from './store/openStorage.js'
import { PublicCommentStore } from './store/PublicCommentStore.js'
import { SessionStore } from './store/SessionStore.js'
import { SqlDocumentStore } from './store/SqlDocumentStore.js'
import { SuggestionDispositionStore } from './store/SuggestionDispositionStore.js'
import { TranslationMarks } from './store/TranslationMarks.js'
import { UserStore } from './store/UserStore.js'
import { VersionStore } from './store/VersionStore.js'
import { WaitingThreads } from './store/WaitingThreads.js'
import { attachCollabEndpoint } from './transport/collabEndpoint.js'

export interface RunningServer {
  /** The origin it serves, e.g. http://127.0.0.1:3000. */
  url: string
  port: number
  registry: RoomRegistry
  /** The WebSockets and event streams open on each session here. */
  liveSessions: LiveSessions
  /** Present when the first account must be created through the console's setup link. */
  setupUrl: string | undefined
  /** Stops accepting, saves every open document, closes the database. Safe to call twice. */
  close(): Promise<void>
}

export interface StartOptions {
  /** The time digests and deadlines go by (default: the system clock; tests move their own). */
  clock?: Clock
}

/** Composes the whole server: store → cluster → HTTP → WebSocket → shutdown. */
export const startServer = async (
  config: Config,
  logger: Logger,
  { clock = systemClock }: StartOptions = {},
): Promise<RunningServer> => {
  const storage = await openStorage(config, logger)
  const { db } = storage
  let cluster: Cluster
  try {
    // The Redis client is loaded only when there is Redis to talk to.
    cluster = config.redisUrl
      ? await (await import('./cluster/RedisCluster.js')).RedisCluster.connect(
          config.redisUrl,
          logger,
        )
      : new LocalCluster()
  } catch (err) {
    await storage.close()
    throw err
  }
  const users = new UserStore(db)
  const sessions = new SessionStore(db, config.sessionMs)
  const catalog = new DocumentCatalog(db)
  const setup = new SetupToken()
  const events = new DocumentEvents({
    send: (documentId, event) => cluster.broadcast({ kind: 'document', documentId, event }),
    onReceive: (listener) =>
      cluster.onEvent((event) => {
        if (event.kind === 'document') listener(event.documentId, event.event)
      }),
  })
  const versions = new VersionStore(db)
  const authors = new AuthorStore(db)
  const inFlightEdits = new InFlightEdits(versions, logger)
  const comments = new CommentStore(db)
  const anchors = new AnchorFollower({ comments, events, logger })
  const openSuggestions = new OpenSuggestions(db)
  const suggestionsKeeper = new OpenSuggestionsKeeper(openSuggestions, logger)
  const documentOpens = new DocumentOpens(db)
  const languages = new LanguageFollower({ catalog, logger })
  // The keeper needs the registry and the registry reports to the keeper: bound late.
  let keeper: VersionKeeper | undefined
  const registry = new RoomRegistry(
    new SqlDocumentStore(db),
    async (id) => (await catalog.get(id))?.status,
    {
      flushDelayMs: config.flushDelayMs,
      compactAfterUpdates: config.compactAfterUpdates,
      authors,
      idleUnloadMs: config.idleUnloadMs,
      benchMap: config.benchMap,
      onRoomLoaded: (room) => {
        keeper?.onRoomLoaded(room)
        anchors.onRoomLoaded(room)
        suggestionsKeeper.onRoomLoaded(room)
        languages.onRoomLoaded(room)
      },
      onRoomEmpty: (room) => keeper?.onRoomEmpty(room),
      onSaveStateChange: (documentId, failing) =>
        events.publish(documentId, { type: 'saveState', failing }),
    },
    logger,
    cluster,
  )
  const liveSessions = new LiveSessions()
  cluster.onEvent((event) => {
    if (event.kind === 'user') registry.updateUser(event.userId, event.user ?? undefined)
    else if (event.kind === 'status') registry.setStatus(event.documentId, event.status)
    else if (event.kind === 'sessionsEnded') liveSessions.end(event.sessionIds)
  })
  keeper = new VersionKeeper(registry, versions, logger, config.autoVersionMs, (version) =>
    events.publish(version.documentId, { type: 'version', version }),
  )
  const authenticator = new Authenticator(sessions, users, liveSessions)
  const exportQueue = new ExportQueue({
    running: config.exports.workers,
    waiting: config.exports.queue,
    perAccount: config.exports.perAccount,
  })
  // Workers start with the first export, so an idle server holds none.
  const exportPool = new ExportPool(config.exports, logger)
  const importPool = new ImportPool(config.imports, logger)
  // Before listening, so the first request already finds the secretariat account.
  const needsSetup = await bootstrapFirstAccount(users, config, logger)
  const unsubscribeKey = await serverKey(db, 'unsubscribe')

  // From listening until the request and upgrade handlers are attached below, nothing may
  // wait: a connection taken in between has no handler and is never answered (a provider
  // reconnecting after a restart then waits for ever).
  const server = http.createServer()
  server.headersTimeout = 20_000
  server.requestTimeout = 60_000
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(config.port, config.host, () => resolve())
  }).catch(async (err) => {
    await exportPool.close()
    await importPool.close()
    await cluster.close()
    await storage.close()
    throw err
  })
  const port = (server.address() as AddressInfo).port
  // With port 0 (tests) the origin follows the port actually taken.
  const effective: Config = config.publicOriginDerived
    ? {
        ...config,
        publicOrigin: `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`,
      }
    : config

  const audit = new AuditLog(db)
  const watches = new WatchStore(db)
  const notifications = new NotificationStore(db)
  const notificationSettings = new NotificationSettingsStore(db)
  const inbox = new InboxEvents({
    send: (userId, unread) => cluster.broadcast({ kind: 'inbox', userId, unread }),
    onReceive: (listener) =>
      cluster.onEvent((event) => {
        if (event.kind === 'inbox') listener(event.userId, event.unread)
      }),
  })
  const unsubscribeTokens = new UnsubscribeTokens(unsubscribeKey)
  const mail = startMail(effective, db, logger, clock)
  const roundStore = new ReviewRoundStore(db)
  const notifier = new Notifier({
    roundParticipants: async (roundId) =>
      (await roundStore.get(roundId))?.participantIds ?? undefined,
    db,
    users,
    catalog,
    comments,
    watches,
    notifications,
    settings: notificationSettings,
    inbox,
    logger,
    clock,
    mail: mail && {
      mailer: mail.mailer,
      tokens: unsubscribeTokens,
      origin: effective.publicOrigin,
      immediatePerHour: effective.mail?.immediatePerHour ?? 0,
    },
  })
  audit.onRecorded((entry) => notifier.onActivity(entry))
  const digests =
    mail &&
    new DigestScheduler(
      {
        db,
        users,
        notifications,
        settings: notificationSettings,
        mailer: mail.mailer,
        tokens: unsubscribeTokens,
        origin: effective.publicOrigin,
        clock,
        logger,
        immediatePerHour: effective.mail?.immediatePerHour ?? 0,
      },
      effective.mail?.pollMs ?? 60_000,
    )
  digests?.start()
  const reviewRounds = new ReviewRounds({
    db,
    rounds: roundStore,
    catalog,
    users,
    announceStatus: (documentId, status) =>
      cluster.broadcast({ kind: 'status', documentId, status }),
    events,
    audit,
    clock,
    logger,
  })
  // At once too: rounds whose deadline passed while the server was down close now.
  reviewRounds.start(effective.reviewTickMs)

  const glossary = new GlossaryStore(db)
  const consultationStore = new ConsultationStore(db)
  const publicComments = new PublicCommentStore(db)
  const documents = documentOperations({
    catalog,
    versions,
    authors,
    comments,
    consultations: consultationStore,
    publicComments,
    suggestionDispositions: new SuggestionDispositionStore(db),
    finalizations: new FinalizationStore(db),
    audit,
    events,
    live: registry,
    announceStatus: (documentId, status) =>
      cluster.broadcast({ kind: 'status', documentId, status }),
    inFlightEdits,
    exportQueue,
    exportPool,
    users,
    translationMarks: new TranslationMarks(db),
    glossary,
    importPool,
    importSlots: new ImportSlots(config.imports.perAccount),
    logger,
    waitingThreads: new WaitingThreads(db),
    openSuggestions,
    documentOpens,
    rounds: roundStore,
  })
  const accounts = accountOperations({
    users,
    sessions,
    invitations: new OneTimeLinkStore(db, INVITATION_LINKS),
    audit,
    setup,
    announceUser: (userId, user) => cluster.broadcast({ kind: 'user', userId, user }),
    announceSessionsEnded: (sessionIds) => cluster.broadcast({ kind: 'sessionsEnded', sessionIds }),
    invitationUrl: (token) => `${effective.publicOrigin}/invite/${token}`,
    passwordResets: new OneTimeLinkStore(db, PASSWORD_RESET_LINKS),
    resetUrl: (token) => `${effective.publicOrigin}/reset/${token}`,
    mailer: mail?.mailer,
    notificationSettings,
  })
  const notificationOps = notificationOperations({
    users,
    catalog,
    audit,
    notifications,
    settings: notificationSettings,
    watches,
    inbox,
    unsubscribeTokens,
    mailer: mail?.mailer,
  })
  const consultations = consultationOperations({
    consultations: consultationStore,
    publicComments,
    published: new PublishedComments(publicComments, clock),
    catalog,
    versions,
    texts: new VersionTexts(versions),
    audit,
    events,
    logger,
    mailer: mail?.mailer,
    origin: effective.publicOrigin,
    clock,
    retentionDays: config.consultations.retentionDays,
  })
  // At once too: periods that ended while the server was down are swept now.
  const retention = new PeriodicTask(
    () => consultations.eraseExpired().then(() => undefined),
    (err) => logger.warn({ err }, 'the consultation retention sweep failed'),
  )
  retention.start(config.consultations.sweepMs, { now: true })
  // In the background, so that the first reader of a consultation page after a restart does
  // not wait for its version to be parsed and rendered; stopping waits for it.
  const preparingPages = consultations
    .preparePages((err, slug) => logger.warn({ err, slug }, 'preparing a consultation page failed'))
    .catch((err: unknown) => logger.warn({ err }, 'preparing the consultation pages failed'))
  const deps = {
    config: effective,
    logger,
    limitStores: (name: string) => cluster.limitStore(name),
    readiness: async () => ({
      database: await withinMs(db.get('SELECT 1 AS ok'), READY_TIMEOUT_MS).then(
        () => true,
        () => false,
      ),
      cluster: cluster.connected,
    }),
    authenticator,
    documents,
    accounts,
    notifications: notificationOps,
    reviewRounds,
    glossary: glossaryOperations({ glossary, audit }),
    consultations,
  }
  // The public page that 50 people reload while the group types: answered before Express.
  const keptPages = new KeptPages()
  server.on('request', answerKeptPages(keptPages, consultations, createApp(deps, keptPages)))
  const collab = attachCollabEndpoint(server, {
    config: effective,
    authenticator,
    catalog,
    registry,
    audit,
    documentOpens,
    logger,
  })

  const setupUrl = needsSetup ? `${effective.publicOrigin}/setup/${setup.issue()}` : undefined
  await sessions.deleteExpired()
  keeper.start()

  let closing: Promise<void> | undefined
  const close = () => {
    closing ??= (async () => {
      collab.close()
      keeper.stop()
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()))
      server.closeIdleConnections()
      // Exports waiting or rendering are answered 503 now, not cut off with their connection.
      exportQueue.close()
      await exportPool.close()
      await importPool.close()
      await registry.closeAll()
      server.closeAllConnections()
      await stopped
      await inFlightEdits.close()
      await digests?.stop()
      await retention.stop()
      await preparingPages
      await reviewRounds.stop()
      await notifier.settled()
      await mail?.stop()
      await cluster.close()
      await storage.close()
    })()
    return closing
  }
  return { url: effective.publicOrigin, port, registry, liveSessions, setupUrl, close }
}

/** How long the readiness check waits for the database. */
const READY_TIMEOUT_MS = 2000

/** `work`, or a rejection once `ms` have passed; leaves no timer behind. */
const withinMs = async <T>(work: Promise<T>, ms: number): Promise<T> => {
  let timer: NodeJS.Timeout | undefined
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timed out')), ms)
  })
  try {
    return await Promise.race([work, late])
  } finally {
    clearTimeout(timer)
  }
}

/** First start: the secretariat from ADMIN_EMAIL, or true when the setup link is needed. */
const bootstrapFirstAccount = async (
  users: UserStore,
  config: Config,
  logger: Logger,
): Promise<boolean> => {
  if ((await users.count()) > 0) return false
  if (!config.admin) return true
  await users.create({
    email: config.admin.email,
    name: 'Secretariat',
    role: Role.secretariat,
    passwordHash: await hashPassword(config.admin.password),
  })
  logger.info({ email: config.admin.email }, 'created the secretariat account from ADMIN_EMAIL')
  return false
}
