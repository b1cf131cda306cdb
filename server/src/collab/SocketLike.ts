/** The little the room logic needs from a socket; only the transport knows `ws`. */
export interface SocketLike {
  send(data: Uint8Array): void
  close(code: number, reason: string): void
  /** Drops the connection without a closing handshake, for a peer that no longer reads. */
  terminate(): void
  /** Stops reading from the peer (frames already read may still arrive); TCP then makes it wait. */
  pause(): void
  resume(): void
  /** Bytes queued for sending and not yet handed to the network. */
  readonly bufferedAmount: number
}
