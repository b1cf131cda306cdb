import { bindContext } from '../bindContext.js'
import type { ConsultationsContext } from './ConsultationsContext.js'
import { confirmPublicComment } from './confirmPublicComment.js'
import { createConsultation } from './createConsultation.js'
import { eraseExpiredPersonalData } from './eraseExpiredPersonalData.js'
import { erasePublicCommenter } from './erasePublicCommenter.js'
import { getConsultation, listConsultations } from './listConsultations.js'
import { listPublicComments } from './listPublicComments.js'
import { moderatePublicComment } from './moderatePublicComment.js'
import { preparePublicPages } from './preparePublicPages.js'
import { publicReport } from './publicReport.js'
import { readPublicConsultation } from './readPublicConsultation.js'
import { submitPublicComment } from './submitPublicComment.js'

/**
 * Public consultation, one operation each: the secretariat opens one, anyone comments
 * (confirmed by mail where mail is configured), coordinators moderate and decide, personal
 * data is erased after the retention period or on request.
 */
export const consultationOperations = (ctx: ConsultationsContext) => {
  const bind = <A extends unknown[], R>(op: (c: typeof ctx, ...args: A) => R) =>
    bindContext(ctx, op)
  return {
    create: bind(createConsultation),
    list: bind(listConsultations),
    get: bind(getConsultation),
    submitComment: bind(submitPublicComment),
    confirmComment: bind(confirmPublicComment),
    listComments: bind(listPublicComments),
    moderateComment: bind(moderatePublicComment),
    eraseCommenter: bind(erasePublicCommenter),
    eraseExpired: bind(eraseExpiredPersonalData),
    readPublic: bind(readPublicConsultation),
    publicReport: bind(publicReport),
    preparePages: bind(preparePublicPages),
    /** The clock and the count of changes a kept public page is checked against. */
    publicMoment: () => ({ now: ctx.clock.now(), changes: ctx.published.changes }),
  }
}

export type ConsultationOperations = ReturnType<typeof consultationOperations>
