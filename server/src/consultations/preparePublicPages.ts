import { LANGUAGES, type Language } from '@accord/protocol'
import type { ConsultationsContext } from './ConsultationsContext.js'
import { renderConsultationPage } from './page/renderConsultationPage.js'
import { readPublicConsultation } from './readPublicConsultation.js'
import { VersionTexts } from './VersionTexts.js'

/**
 * Renders a consultation's public page once, unseen, so that its first reader does not wait
 * for what is done once per version: the version parsed into the export model and its text
 * rendered (both kept with the version), and the page's code compiled by the JIT. For a
 * 500-clause text that is some 300 ms of a fresh process, against tens of ms for every later
 * reader.
 */
export const preparePublicPage = async (ctx: ConsultationsContext, slug: string): Promise<void> => {
  const view = await readPublicConsultation(ctx, slug)
  const language = view.text.settings.language
  renderConsultationPage(
    view,
    (LANGUAGES as readonly string[]).includes(language) ? (language as Language) : 'en',
  )
}

/**
 * Prepares the pages of the consultations not yet closed (at server start), one at a time;
 * one that fails (its document gone) is reported and the others still prepared. No more
 * than the parsed versions kept: more would push the first ones out again.
 */
export const preparePublicPages = async (
  ctx: ConsultationsContext,
  onFailed: (err: unknown, slug: string) => void,
): Promise<void> => {
  const open = await ctx.consultations.notClosedAt(ctx.clock.now())
  for (const { slug } of open.slice(0, VersionTexts.KEPT)) {
    await preparePublicPage(ctx, slug).catch((err: unknown) => onFailed(err, slug))
  }
}
