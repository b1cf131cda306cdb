import type { User } from '@accord/protocol'
import type { AcceptInvitationRequest } from '@accord/protocol/requests'
import type { AccountsContext } from './AccountsContext.js'
import { readPasswordLink, setPasswordWithLink } from './passwordLinks.js'

/** Whom an invitation is for, so the page can greet them. */
export const readInvitation = (
  ctx: AccountsContext,
  token: string,
): Promise<{ email: string; name: string }> => readPasswordLink(ctx, ctx.invitations, token)

/** Sets the password (and the name, if given) of an invited account and signs it in. */
export const acceptInvitation = (
  ctx: AccountsContext,
  token: string,
  request: AcceptInvitationRequest,
): Promise<{ user: User; sessionToken: string }> =>
  setPasswordWithLink(ctx, ctx.invitations, token, request, 'user.invitationAccepted')
