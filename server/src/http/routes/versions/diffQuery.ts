import { z } from 'zod'

/** `from` is a version id; `to` a version id or `current` (the live text). */
export const diffQuery = z.object({
  from: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  to: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/)
    .default('current'),
})
