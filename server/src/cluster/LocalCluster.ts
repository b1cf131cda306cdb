import type { Cluster, ClusterEvent, RoomChannel } from './Cluster.js'

const alone: RoomChannel = {
  attach: () => undefined,
  publishUpdate: () => undefined,
  publishAwareness: () => undefined,
  leave: async () => undefined,
}

/** One instance: every room is whole here, and events only need to reach this process. */
export class LocalCluster implements Cluster {
  readonly connected = true
  private readonly listeners: ((event: ClusterEvent) => void)[] = []

  async joinRoom(): Promise<RoomChannel> {
    return alone
  }

  broadcast(event: ClusterEvent): void {
    for (const listener of this.listeners) listener(event)
  }

  onEvent(listener: (event: ClusterEvent) => void): void {
    this.listeners.push(listener)
  }

  onResyncNeeded(): void {}

  limitStore(): undefined {
    return undefined
  }

  async close(): Promise<void> {}
}
