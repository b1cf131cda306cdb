import type { RequestHandler } from 'express'
import { type Options, rateLimit, type Store } from 'express-rate-limit'

/**
 * Where a named limit keeps its counts: a store shared by every instance (Redis), or
 * `undefined` for this process's memory.
 */
export type LimitStores = (name: string) => Store | undefined

/** This process counts alone (one instance, and the tests' apps). */
export const countedHere: LimitStores = () => undefined

/**
 * A rate limit as every route sets one: standard `RateLimit` headers, counted where `stores`
 * puts the limit's name, so with several instances a person gets the limit once in all of
 * them together, not once per instance.
 */
export const countedLimit = (
  stores: LimitStores,
  name: string,
  options: Partial<Options>,
): RequestHandler => {
  const store = stores(name)
  return rateLimit({
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    ...options,
    ...(store ? { store } : {}),
  })
}
