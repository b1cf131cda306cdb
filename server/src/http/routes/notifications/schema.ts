import { z } from 'zod'

export const listNotificationsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
})

export const mentionableQuery = z.object({ q: z.string().max(120).default('') })
