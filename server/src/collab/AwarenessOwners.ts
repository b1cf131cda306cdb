/** Ids one person keeps bound to them; past this their oldest is forgotten (a tab opened per id). */
const MAX_IDS_PER_USER = 64

interface Holder {
  readonly user: { readonly id: string }
}

/**
 * Whose an awareness client id is. An id belongs to the person who first showed it (through
 * a connection here, or another instance's, whose presence names them) for as long as the
 * document stays open, and while one of their connections holds it, to that connection
 * alone. So when someone's socket drops and their editor reconnects with the same id (a
 * provider keeps its Y.Doc's client id), nobody else can have taken it in between, and
 * watchers never see another person's presence under it.
 */
export class AwarenessOwners<C extends Holder> {
  private readonly holders = new Map<number, C>()
  private readonly users = new Map<number, string>()
  /** Each person's ids, oldest first, to bound what one person can make the room remember. */
  private readonly idsOfUser = new Map<string, number[]>()

  /** May `connection` write (set or remove) the presence under `id`? */
  mayWrite(connection: C, id: number): boolean {
    const holder = this.holders.get(id)
    if (holder) return holder === connection
    const user = this.users.get(id)
    return user === undefined || user === connection.user.id
  }

  /** `connection` wrote `id`: it holds it from now on. */
  hold(connection: C, id: number): void {
    this.holders.set(id, connection)
    this.bind(id, connection.user.id)
  }

  /** `connection` left: its ids stay bound to its person, for their next connection. */
  release(connection: C, ids: Iterable<number>): void {
    for (const id of ids) if (this.holders.get(id) === connection) this.holders.delete(id)
  }

  /** Another instance shows `id` as `userId`'s presence. */
  seenElsewhere(id: number, userId: string): void {
    if (!this.holders.has(id)) this.bind(id, userId)
  }

  private bind(id: number, userId: string): void {
    if (this.users.has(id)) return
    this.users.set(id, userId)
    const ids = this.idsOfUser.get(userId) ?? []
    ids.push(id)
    this.idsOfUser.set(userId, ids)
    if (ids.length <= MAX_IDS_PER_USER) return
    const oldest = ids.findIndex((old) => !this.holders.has(old))
    if (oldest < 0) return
    const [forgotten] = ids.splice(oldest, 1)
    this.users.delete(forgotten as number)
  }
}
