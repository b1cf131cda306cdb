import { ApiError, NETWORK_ERROR } from '../app/api'

/** Gateways answer these when the server behind them is down. */
const GATEWAY_DOWN = new Set([502, 503, 504])

/**
 * True when the server could not be reached (no network, server or gateway down), as opposed
 * to an answer such as 401 or 404, which must be acted on and never covered by a remembered copy.
 */
export const isUnreachable = (error: unknown): boolean =>
  error instanceof ApiError &&
  error.code === NETWORK_ERROR &&
  (error.status === 0 || GATEWAY_DOWN.has(error.status))
