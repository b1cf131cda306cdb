import { randomBytes } from 'node:crypto'
import { Redis } from 'ioredis'
import type { Logger } from '../logger.js'
import type { Cluster, ClusterEvent, RoomChannel, RoomReceiver } from './Cluster.js'
import { SharedLimitStore } from './SharedLimitStore.js'

const EVENTS_CHANNEL = 'accord:events'
const roomChannel = (documentId: string) => `accord:room:${documentId}`
const ROOM_PREFIX = 'accord:room:'

const UPDATE = 0
const AWARENESS = 1
/** Room messages: kind (1 byte), sender instance (16 bytes), the Yjs payload. */
const HEADER = 17

/** What instances send on the events channel. */
type Wire = { from: string; event: ClusterEvent } | { from: string; resync: true }

/** How long opening a room waits for Redis to confirm the subscription before going on without it. */
const SUBSCRIBE_WAIT_MS = 2000

/**
 * Instances joined through Redis pub/sub: one channel per open document for Yjs updates
 * and awareness, one for events. Each instance applies what it receives to its own copy of
 * the document; storage, not Redis, is the record, so a message lost while Redis was away
 * is recovered by catching up from storage once it is back.
 */
export class RedisCluster implements Cluster {
  private readonly id = randomBytes(16)
  private readonly idHex = this.id.toString('hex')
  private readonly rooms = new Map<string, RedisRoomChannel>()
  private readonly listeners: ((event: ClusterEvent) => void)[] = []
  private readonly resyncListeners: (() => void)[] = []

  private constructor(
    /** Publishes; fails at once while Redis is away (storage keeps what it would have said). */
    private readonly pub: Redis,
    /** Subscribes; its commands wait for Redis to come back, and it subscribes again then (resubscribe). */
    private readonly sub: Redis,
    private readonly logger: Logger,
  ) {
    sub.on('messageBuffer', (channel: Buffer, message: Buffer) => this.receive(channel, message))
    this.watch(pub, 'publisher', () => this.publishWire({ from: this.idHex, resync: true }))
    this.watch(sub, 'subscriber', () => this.resubscribe())
  }

  /** Connects both links; fails clearly when Redis cannot be reached at start. */
  static async connect(url: string, logger: Logger): Promise<RedisCluster> {
    const pub = new Redis(url, { enableOfflineQueue: false, lazyConnect: true })
    // Not ioredis's own resubscription: it leaves its promise unhandled, so a link closed
    // before Redis confirmed it ended the process with "Connection is closed." (resubscribe).
    const sub = new Redis(url, {
      maxRetriesPerRequest: null,
      lazyConnect: true,
      autoResubscribe: false,
    })
    try {
      await Promise.all([pub.connect(), sub.connect()])
    } catch (err) {
      pub.disconnect()
      sub.disconnect()
      throw new Error(`Cannot reach Redis at REDIS_URL: ${(err as Error).message}`)
    }
    const cluster = new RedisCluster(pub, sub, logger)
    await sub.subscribe(EVENTS_CHANNEL)
    return cluster
  }

  get connected(): boolean {
    return this.pub.status === 'ready' && this.sub.status === 'ready'
  }

  async joinRoom(documentId: string): Promise<RoomChannel> {
    const channel = new RedisRoomChannel(documentId, this)
    this.rooms.set(documentId, channel)
    const subscribed = this.sub.subscribe(roomChannel(documentId))
    let timer: NodeJS.Timeout | undefined
    const gaveUp = new Promise<'late'>((resolve) => {
      timer = setTimeout(() => resolve('late'), SUBSCRIBE_WAIT_MS)
    })
    // While Redis is away the subscription waits for it; the room opens from storage meanwhile
    // and catches up when Redis is back.
    const outcome = await Promise.race([subscribed, gaveUp]).finally(() => clearTimeout(timer))
    if (outcome === 'late') {
      subscribed.catch(() => undefined)
      this.logger.warn({ documentId }, 'Redis is away; opening the document from storage alone')
    }
    return channel
  }

  /** @internal for RedisRoomChannel */
  publishRoom(documentId: string, kind: number, payload: Uint8Array): void {
    const message = Buffer.allocUnsafe(HEADER + payload.byteLength)
    message[0] = kind
    this.id.copy(message, 1)
    message.set(payload, HEADER)
    this.pub.publish(roomChannel(documentId), message).catch(() => {
      // Redis is away: the update is in storage (or on its way); peers catch up when it is back.
    })
  }

  /** @internal for RedisRoomChannel */
  async leaveRoom(documentId: string, channel: RedisRoomChannel): Promise<void> {
    if (this.rooms.get(documentId) !== channel) return
    this.rooms.delete(documentId)
    await this.sub.unsubscribe(roomChannel(documentId)).catch(() => undefined)
  }

  broadcast(event: ClusterEvent): void {
    this.deliver(event)
    this.publishWire({ from: this.idHex, event })
  }

  onEvent(listener: (event: ClusterEvent) => void): void {
    this.listeners.push(listener)
  }

  onResyncNeeded(listener: () => void): void {
    this.resyncListeners.push(listener)
  }

  limitStore(name: string): SharedLimitStore {
    return new SharedLimitStore(this.pub, name, this.logger)
  }

  async close(): Promise<void> {
    this.rooms.clear()
    await Promise.all([this.pub.quit(), this.sub.quit()].map((p) => p.catch(() => undefined)))
  }

  private publishWire(wire: Wire): void {
    this.pub.publish(EVENTS_CHANNEL, JSON.stringify(wire)).catch((err: Error) => {
      this.logger.warn({ err: err.message }, 'could not tell other instances; Redis is away')
    })
  }

  private receive(channelName: Buffer, message: Buffer): void {
    const name = channelName.toString()
    if (name === EVENTS_CHANNEL) {
      let wire: Wire
      try {
        wire = JSON.parse(message.toString()) as Wire
      } catch {
        this.logger.warn('ignoring an unreadable cluster event')
        return
      }
      if (wire.from === this.idHex) return
      if ('resync' in wire) this.resyncNeeded()
      else this.deliver(wire.event)
      return
    }
    if (!name.startsWith(ROOM_PREFIX) || message.byteLength < HEADER) return
    if (this.id.equals(message.subarray(1, HEADER))) return
    const channel = this.rooms.get(name.slice(ROOM_PREFIX.length))
    channel?.receive(message[0] as number, new Uint8Array(message.subarray(HEADER)))
  }

  private deliver(event: ClusterEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event)
      } catch (err) {
        this.logger.error({ err, kind: event.kind }, 'handling a cluster event failed')
      }
    }
  }

  /**
   * After an outage: the events channel and every open room's channel again, then the rooms
   * catch up from storage on what was said meanwhile. Should the link go again first, the next
   * time it is back does the same.
   */
  private resubscribe(): void {
    const channels = [EVENTS_CHANNEL, ...[...this.rooms.keys()].map(roomChannel)]
    this.sub.subscribe(...channels).then(
      () => this.resyncNeeded(),
      (err: Error) =>
        this.logger.warn({ err: err.message }, 'Redis is back but did not take the subscriptions'),
    )
  }

  private resyncNeeded(): void {
    for (const listener of this.resyncListeners) listener()
  }

  /** Logs a link going away and coming back; `onBack` runs each time it is back after an outage. */
  private watch(link: Redis, name: string, onBack: () => void): void {
    let lost = false
    link.on('error', (err: Error) => {
      if (!lost) this.logger.warn({ err: err.message, link: name }, 'Redis link failed; retrying')
    })
    link.on('close', () => {
      if (!lost) this.logger.warn({ link: name }, 'Redis link lost; retrying')
      lost = true
    })
    link.on('ready', () => {
      if (!lost) return
      lost = false
      this.logger.info({ link: name }, 'Redis link is back')
      onBack()
    })
  }
}

class RedisRoomChannel implements RoomChannel {
  private receiver: RoomReceiver | undefined
  private early: [number, Uint8Array][] = []

  constructor(
    private readonly documentId: string,
    private readonly cluster: RedisCluster,
  ) {}

  attach(receiver: RoomReceiver): void {
    this.receiver = receiver
    for (const [kind, payload] of this.early) this.deliver(kind, payload)
    this.early = []
  }

  receive(kind: number, payload: Uint8Array): void {
    if (this.receiver) this.deliver(kind, payload)
    else this.early.push([kind, payload])
  }

  publishUpdate(update: Uint8Array): void {
    this.cluster.publishRoom(this.documentId, UPDATE, update)
  }

  publishAwareness(update: Uint8Array): void {
    this.cluster.publishRoom(this.documentId, AWARENESS, update)
  }

  leave(): Promise<void> {
    this.receiver = undefined
    return this.cluster.leaveRoom(this.documentId, this)
  }

  private deliver(kind: number, payload: Uint8Array): void {
    if (kind === UPDATE) this.receiver?.receiveUpdate(payload)
    else if (kind === AWARENESS) this.receiver?.receiveAwareness(payload)
  }
}
