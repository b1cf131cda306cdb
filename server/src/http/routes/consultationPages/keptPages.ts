import type { ReusableUntil } from '../../../consultations/readPublicConsultation.js'
import type { PreparedPage } from './preparedPages.js'

/** The moment a kept page is checked at: the consultations' clock and their count of changes. */
export interface PublicMoment {
  now: number
  changes: number
}

interface Kept extends ReusableUntil {
  page: PreparedPage
  /** When it was read (a clock that went back does not reuse it). */
  from: number
}

/** A few consultations in two languages; more are answered by reading again. */
const KEPT = 16

/**
 * The consultation pages last answered, by address and language, each kept as long as what it
 * shows cannot have changed: until its comments may be stale (a moment), its consultation
 * opens or closes, or a comment is published, decided or erased on this instance. Readers
 * are answered from here without a database read (answerKeptPage.ts).
 */
export class KeptPages {
  private readonly kept = new Map<string, Kept>()

  keep(
    slug: string,
    language: string,
    from: number,
    page: PreparedPage,
    until: ReusableUntil,
  ): void {
    const key = keyOf(slug, language)
    this.kept.delete(key)
    if (this.kept.size >= KEPT) {
      const oldest = this.kept.keys().next().value
      if (oldest !== undefined) this.kept.delete(oldest)
    }
    this.kept.set(key, { page, from, sameUntil: until.sameUntil, changes: until.changes })
  }

  /** The page kept for this address and language, if it is still what a reading would give. */
  current(slug: string, language: string, moment: PublicMoment): PreparedPage | undefined {
    const found = this.kept.get(keyOf(slug, language))
    if (!found) return undefined
    const { now, changes } = moment
    if (now >= found.from && now < found.sameUntil && changes === found.changes) return found.page
    return undefined
  }
}

const keyOf = (slug: string, language: string) => `${language}/${slug}`
