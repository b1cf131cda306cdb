import { ErrorCode } from '@accord/protocol'
import { idSchema } from '@accord/protocol/requests'
import type { z } from 'zod'
import { HttpError, notFound } from './HttpError.js'

/** Validates a request body or query at the edge; a failure is a 400 naming each field. */
export const parse = <S extends z.ZodType>(schema: S, value: unknown): z.infer<S> => {
  const result = schema.safeParse(value ?? {})
  if (result.success) return result.data
  const details = result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }))
  const summary = details.map((d) => (d.path ? `${d.path}: ${d.message}` : d.message)).join('; ')
  throw new HttpError(400, ErrorCode.validation, summary, details)
}

/** A route id that is not a well-formed id cannot name anything: 404, like an unknown one. */
export const parseId = (value: unknown): string => {
  const result = idSchema.safeParse(value)
  if (!result.success) throw notFound()
  return result.data
}
