import { z } from 'zod'

export const createVersionRequest = z.object({
  name: z.string().trim().min(1).max(200),
  note: z.string().trim().max(2_000).nullish(),
  /** On a source: name the same version in every translation too, in one step. */
  translations: z.boolean().optional(),
})
export type CreateVersionRequest = z.infer<typeof createVersionRequest>
