import { passwordSchema } from '@accord/protocol/requests'
import { z } from 'zod'

export const requestResetRequest = z.object({ email: z.string().trim().min(1).max(254) })
export const completeResetRequest = z.object({ password: passwordSchema })
