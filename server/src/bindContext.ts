/**
 * An operation with its context bound: what a caller (a route, a timer, an import) calls,
 * so callers hand over the acting person and the request, never the layer's dependencies.
 */
export const bindContext =
  <C, A extends unknown[], R>(ctx: C, op: (ctx: C, ...args: A) => R) =>
  (...args: A): R =>
    op(ctx, ...args)
