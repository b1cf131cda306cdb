import { idSchema } from '@accord/protocol/requests'
import { z } from 'zod'

/** Plain text; long enough for a considered argument, short enough to read. */
const body = z.string().trim().min(1, 'a comment cannot be empty').max(10_000)
/** Base64 of an encoded Yjs relative position: tens of bytes. */
const anchorPart = z
  .string()
  .min(1)
  .max(1024)
  .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'not base64')

/** People the comment addresses by name; each is notified. */
const mentions = z.array(idSchema).max(50).optional()

export const createThreadRequest = z.object({
  body,
  mentions,
  quote: z.string().max(2_000),
  anchor: z.object({ start: anchorPart, end: anchorPart }),
  clauseId: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/)
    .nullish(),
})
export type CreateThreadRequest = z.infer<typeof createThreadRequest>

export const replyRequest = z.object({ body, mentions })
export const editMessageRequest = z.object({ body })
export const threadStatusRequest = z.object({ status: z.enum(['open', 'resolved']) })
