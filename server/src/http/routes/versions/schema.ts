import { z } from 'zod'

export const createVersionRequest = z.object({
  name: z.string().trim().min(1).max(200),
  note: z.string().trim().max(2_000).nullish(),
})
export type CreateVersionRequest = z.infer<typeof createVersionRequest>
