import { bindContext } from '../bindContext.js'
import type { AccountsContext } from './AccountsContext.js'
import { acceptInvitation, readInvitation } from './invitations.js'
import { createUser, inviteUser, listUsers, updateUser } from './manageUsers.js'
import { changePassword, me, updateProfile } from './ownAccount.js'
import { signIn, signOut } from './sessions.js'
import { completeSetup, setupNeeded } from './setup.js'

/** Every thing done to accounts and sessions: each checks permission and records its audit entry. */
export const accountOperations = (ctx: AccountsContext) => {
  const bind = <A extends unknown[], R>(op: (c: typeof ctx, ...args: A) => R) =>
    bindContext(ctx, op)
  return {
    listUsers: bind(listUsers),
    createUser: bind(createUser),
    updateUser: bind(updateUser),
    inviteUser: bind(inviteUser),
    me,
    updateProfile: bind(updateProfile),
    changePassword: bind(changePassword),
    signIn: bind(signIn),
    signOut: bind(signOut),
    readInvitation: bind(readInvitation),
    acceptInvitation: bind(acceptInvitation),
    setupNeeded: bind(setupNeeded),
    completeSetup: bind(completeSetup),
  }
}

export type AccountOperations = ReturnType<typeof accountOperations>
