/** The little the room logic needs from a socket; only the transport knows `ws`. */
export interface SocketLike {
  send(data: Uint8Array): void
  close(code: number, reason: string): void
}
