/**
 * A well-formed client update that a rule of the room does not allow (a member in review
 * changing text, anyone writing an unknown shared type, a suggestion under a forged name…).
 * It is dropped like an observer's edit: not applied, not relayed, not stored; the socket
 * stays open. `rule` names the rule for the log.
 */
export class RefusedUpdateError extends Error {
  constructor(
    readonly rule: string,
    message: string,
  ) {
    super(message)
  }
}
