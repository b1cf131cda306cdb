import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { Role } from '@accord/protocol'
import { Authenticator } from './auth/Authenticator.js'
import { hashPassword } from './auth/password.js'
import { RoomRegistry } from './collab/RoomRegistry.js'
import type { Config } from './config.js'
import { createApp } from './http/createApp.js'
import type { Logger } from './logger.js'
import { DocumentEvents } from './services/DocumentEvents.js'
import { SetupToken } from './services/SetupToken.js'
import { VersionKeeper } from './services/VersionKeeper.js'
import { AuditLog } from './store/AuditLog.js'
import { CommentStore } from './store/CommentStore.js'
import { DataDirLock } from './store/DataDirLock.js'
import { DocumentCatalog } from './store/DocumentCatalog.js'
import { InvitationStore } from './store/InvitationStore.js'
import { openDatabase } from './store/openDatabase.js'
import { SessionStore } from './store/SessionStore.js'
import { SqliteDocumentStore } from './store/SqliteDocumentStore.js'
import { UserStore } from './store/UserStore.js'
import { VersionStore } from './store/VersionStore.js'
import { attachCollabEndpoint } from './transport/collabEndpoint.js'

export interface RunningServer {
  /** The origin it serves, e.g. http://127.0.0.1:3000. */
  url: string
  port: number
  registry: RoomRegistry
  /** Present when the first account must be created through the console's setup link. */
  setupUrl: string | undefined
  /** Stops accepting, saves every open document, closes the database. Safe to call twice. */
  close(): Promise<void>
}

/** Composes the whole server: store → HTTP → WebSocket → shutdown. */
export const startServer = async (config: Config, logger: Logger): Promise<RunningServer> => {
  const lock = DataDirLock.acquire(config.dataDir)
  const db = await openDatabase(config.dataDir).catch((err) => {
    lock.release()
    throw err
  })
  const users = new UserStore(db)
  const sessions = new SessionStore(db, config.sessionMs)
  const catalog = new DocumentCatalog(db)
  const setup = new SetupToken()
  const events = new DocumentEvents()
  const versions = new VersionStore(db)
  // The keeper needs the registry and the registry reports to the keeper: bound late.
  let keeper: VersionKeeper | undefined
  const registry = new RoomRegistry(
    new SqliteDocumentStore(db),
    async (id) => (await catalog.get(id))?.status,
    {
      flushDelayMs: config.flushDelayMs,
      compactAfterUpdates: config.compactAfterUpdates,
      idleUnloadMs: config.idleUnloadMs,
      onRoomLoaded: (room) => keeper?.onRoomLoaded(room),
      onRoomEmpty: (room) => keeper?.onRoomEmpty(room),
      onSaveStateChange: (documentId, failing) =>
        events.publish(documentId, { type: 'saveState', failing }),
    },
    logger,
  )
  keeper = new VersionKeeper(registry, versions, logger, config.autoVersionMs)
  const authenticator = new Authenticator(sessions, users)
  // Before listening, so the first request already finds the secretariat account.
  const needsSetup = await bootstrapFirstAccount(users, config, logger)

  const server = http.createServer()
  server.headersTimeout = 20_000
  server.requestTimeout = 60_000
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(config.port, config.host, () => resolve())
  }).catch(async (err) => {
    await db.close()
    lock.release()
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

  const deps = {
    config: effective,
    logger,
    users,
    sessions,
    invitations: new InvitationStore(db),
    catalog,
    audit: new AuditLog(db),
    registry,
    authenticator,
    setup,
    events,
    comments: new CommentStore(db),
    versions,
  }
  server.on('request', createApp(deps))
  const collab = attachCollabEndpoint(server, deps)

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
      await registry.closeAll()
      server.closeAllConnections()
      await stopped
      await db.close()
      lock.release()
    })()
    return closing
  }
  return { url: effective.publicOrigin, port, registry, setupUrl, close }
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
