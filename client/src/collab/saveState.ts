/**
 * What the person is told about their changes:
 * - `saved`: the server has everything this tab changed;
 * - `saving`: changes are on their way to the server;
 * - `offline`: changes wait on this device until the connection returns;
 * - `failing`: the server has them but cannot write them to disk just now, and keeps trying.
 */
export type SaveState = 'saved' | 'saving' | 'offline' | 'failing'

export const saveStateOf = ({
  unsynced,
  connected,
  serverFailing,
}: {
  /** Some local change has not been confirmed by the server yet. */
  unsynced: boolean
  /** The socket is open and synced. */
  connected: boolean
  /** The server's last word on saving this document was a failure. */
  serverFailing: boolean
}): SaveState => {
  if (serverFailing) return 'failing'
  if (!unsynced) return 'saved'
  return connected ? 'saving' : 'offline'
}
