import { z } from 'zod'

export const listNotificationsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
})

export const mentionableQuery = z.object({
  q: z.string().max(120).default(''),
  /** How many at most (default 8, for the @ list; a round's participant list asks for more). */
  limit: z.coerce.number().int().min(1).max(500).default(8),
})
