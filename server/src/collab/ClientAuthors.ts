import type * as Y from 'yjs'
import type { Logger } from '../logger.js'
import type { AuthorSpan } from '../store/AuthorStore.js'

/** Where the spans persist (store/AuthorStore); the room only records and loads. */
export interface AuthorRecord {
  load(documentId: string): Promise<AuthorSpan[]>
  record(documentId: string, span: AuthorSpan): Promise<void>
}

/**
 * Who wrote the text under each Yjs client id of one document, for authorship colouring.
 * Every item of the text carries the client id and clock of the tab that wrote it; the
 * server records, per client id, from which clock on the text came from which person's
 * connection. A client cannot choose the name: text it sends under someone else's client id
 * (a modified client could) starts a span of its own sender, so it shows as the sender's,
 * never as the person whose id it borrowed. Nothing is refused on this account: a client
 * handing back text the server lost (after a crash) keeps that text, shown as delivered by it.
 */
export class ClientAuthors {
  /** Per client id, its spans by `fromClock`, ascending. */
  private readonly spans = new Map<number, AuthorSpan[]>()

  private constructor(
    private readonly documentId: string,
    loaded: readonly AuthorSpan[],
    private readonly record: AuthorRecord | undefined,
    private readonly logger: Logger,
  ) {
    for (const span of loaded) this.add(span)
  }

  static async load(
    documentId: string,
    record: AuthorRecord | undefined,
    logger: Logger,
  ): Promise<ClientAuthors> {
    return new ClientAuthors(
      documentId,
      record ? await record.load(documentId) : [],
      record,
      logger,
    )
  }

  private add(span: AuthorSpan): void {
    // A span recorded for text the document no longer holds (lost in a crash before it was
    // saved) is replaced by whoever delivers text from that clock now.
    const list = (this.spans.get(span.clientId) ?? []).filter((s) => s.fromClock !== span.fromClock)
    list.push(span)
    list.sort((a, b) => a.fromClock - b.fromClock)
    this.spans.set(span.clientId, list)
  }

  /** The person whose text `clock` of `clientId` is, if recorded. */
  ownerAt(clientId: number, clock: number): string | undefined {
    let owner: string | undefined
    for (const span of this.spans.get(clientId) ?? []) {
      if (span.fromClock > clock) break
      owner = span.userId
    }
    return owner
  }

  /**
   * The spans to record for a finished trial of `userId`'s update: for each client id under
   * which it added structs, one starting at the first new clock, unless that text already
   * continues a span of the same person.
   */
  spansOf(transaction: Y.Transaction, userId: string): AuthorSpan[] {
    const found: AuthorSpan[] = []
    for (const [clientId, after] of transaction.afterState) {
      const before = transaction.beforeState.get(clientId) ?? 0
      if (after <= before) continue
      if (before > 0 && this.ownerAt(clientId, before - 1) === userId) continue
      found.push({ clientId, fromClock: before, userId })
    }
    return found
  }

  /** Records spans `spansOf` found, here at once and in storage soon after. */
  bind(spans: readonly AuthorSpan[]): void {
    for (const span of spans) {
      this.add(span)
      this.record?.record(this.documentId, span).catch((err: Error) => {
        this.logger.error(
          { err: err.message, clientId: span.clientId, userId: span.userId },
          'could not record who wrote under a client id',
        )
      })
    }
  }
}
