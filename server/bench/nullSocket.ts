import type { SocketLike } from '../src/collab/SocketLike.js'

/** A socket that takes every frame and drops it: a room's own work, without the network's. */
export const nullSocket = (): SocketLike => ({
  bufferedAmount: 0,
  send: () => undefined,
  close: () => undefined,
  terminate: () => undefined,
  pause: () => undefined,
  resume: () => undefined,
})
