import { LANGUAGES, type Language } from '@accord/protocol'
import type { ConsultationsContext } from './ConsultationsContext.js'
import { renderConsultationPage } from './page/renderConsultationPage.js'
import { readPublicConsultation } from './readPublicConsultation.js'

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

/** Prepares the pages of every consultation not yet closed (at server start), one at a time. */
export const preparePublicPages = async (ctx: ConsultationsContext): Promise<void> => {
  for (const consultation of await ctx.consultations.notClosedAt(ctx.clock.now())) {
    await preparePublicPage(ctx, consultation.slug)
  }
}
