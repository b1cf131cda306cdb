/**
 * What the person is told about the link to the server. `reconnecting` differs from
 * `connecting` only in wording: the tab was connected before.
 */
export type ConnectionState = 'connected' | 'connecting' | 'reconnecting' | 'offline'
