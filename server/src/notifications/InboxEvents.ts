import { KeyedListeners } from '../documents/KeyedListeners.js'

/** How unread counts travel to every instance (the cluster carries them). */
export interface InboxChannel {
  send(userId: string, unread: number): void
  /** Every count sent, by any instance this one included. */
  onReceive(listener: (userId: string, unread: number) => void): void
}

/** Unread counts, live, to each person's open inbox streams on every instance. */
export class InboxEvents {
  private readonly listeners = new KeyedListeners<number>()

  constructor(private readonly channel: InboxChannel) {
    channel.onReceive((userId, unread) => this.listeners.emit(userId, unread))
  }

  publish(userId: string, unread: number): void {
    this.channel.send(userId, unread)
  }

  /** Returns the unsubscribe function. */
  subscribe(userId: string, listener: (unread: number) => void): () => void {
    return this.listeners.add(userId, listener)
  }
}
