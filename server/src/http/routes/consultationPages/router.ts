import { compilationToCsv } from '@accord/export/core'
import { ErrorCode, type Language } from '@accord/protocol'
import { publicCommentRequest } from '@accord/protocol/requests'
import express, { type Request, type RequestHandler, type Response, Router } from 'express'
import { messagePage } from '../../../consultations/page/pageLayout.js'
import { PAGE_TEXTS } from '../../../consultations/page/pageTexts.js'
import {
  type FormValues,
  findClause,
  renderClausePage,
} from '../../../consultations/page/renderClausePage.js'
import {
  pagePath,
  renderConsultationPage,
} from '../../../consultations/page/renderConsultationPage.js'
import type { AppDeps } from '../../AppDeps.js'
import { HttpError } from '../../HttpError.js'
import { parse } from '../../parse.js'
import { publicErrorAnswer } from '../publicConsultations/publicErrorAnswer.js'
import { publicLanguage } from '../publicConsultations/publicLanguage.js'
import type { KeptPages } from './keptPages.js'
import { pageHead } from './pageHead.js'
import { PreparedPages } from './preparedPages.js'
import { pageHeaders, sendPrepared } from './sendPage.js'

const html = (res: Response, status: number, page: string) => {
  pageHeaders(res)
  res.status(status).type('html').send(page)
}

/** Form fields longer than the API takes are refused by the API's limits; this caps the body. */
const FORM_BYTES = 64 * 1024

const FORM_FIELDS = [
  'name',
  'organization',
  'email',
  'type',
  'body',
  'proposedChange',
  'publishName',
  'consent',
] as const

/** What the form sent, as strings, to give back with a refusal. */
const valuesOf = (body: unknown): FormValues => {
  const given = (body ?? {}) as Record<string, unknown>
  return Object.fromEntries(
    FORM_FIELDS.filter((f) => typeof given[f] === 'string').map((f) => [f, given[f] as string]),
  )
}

/**
 * The public consultation pages (no account, no script): the text with its published
 * comments, a page per clause with the comment form (a plain form POST), the confirmation
 * of a mailed link, and the report's downloads. Everything in ru or en (`?lang=`, else
 * Accept-Language), every value escaped. The consultation's page, once read, is kept in
 * `kept` for the readers who come next.
 */
export const consultationPagesRouter = (
  { config, consultations }: AppDeps,
  limits: RequestHandler[],
  kept: KeptPages,
): Router => {
  const router = Router()
  const prepared = new PreparedPages(pageHead(config))
  const base = '/consultations/:slug'
  const slugOf = (req: Request) => String(req.params.slug)

  const notFoundPage = (res: Response, language: Language) => {
    const t = PAGE_TEXTS[language]
    html(res, 404, messagePage(language, t.notFoundTitle, t.notFound))
  }

  /** Renders a page, or the not-found page when the consultation (or clause) is unknown. */
  const page =
    (render: (req: Request, res: Response, language: Language) => Promise<void>): RequestHandler =>
    async (req, res, next) => {
      const language = publicLanguage(req)
      try {
        await render(req, res, language)
      } catch (err) {
        if (publicErrorAnswer(err, language)?.status === 404) notFoundPage(res, language)
        else next(err)
      }
    }

  router.get(
    base,
    page(async (req, res, language) => {
      const from = consultations.publicMoment().now
      const view = await consultations.readPublic(slugOf(req))
      const answer = prepared.get(renderConsultationPage(view, language))
      // The next readers are answered with it before Express (answerKeptPage.ts).
      kept.keep(view.slug, language, from, answer, view)
      await sendPrepared(req, res, answer)
    }),
  )

  router.get(
    `${base}/clauses/:clauseId`,
    page(async (req, res, language) => {
      const view = await consultations.readPublic(slugOf(req))
      const clause = findClause(
        view.text.model(view.slug, view.documentTitle).body,
        String(req.params.clauseId),
      )
      if (!clause) return notFoundPage(res, language)
      html(res, 200, renderClausePage(view, clause, language))
    }),
  )

  /** A refused form comes back with its message and what was typed, with the fitting status. */
  const refuse = async (req: Request, res: Response, err: unknown) => {
    const language = publicLanguage(req)
    const answer = publicErrorAnswer(err, language)
    if (!answer) throw err
    const view = await consultations.readPublic(slugOf(req)).catch(() => undefined)
    const clause =
      view &&
      findClause(view.text.model(view.slug, view.documentTitle).body, String(req.params.clauseId))
    if (!view || !clause) {
      const t = PAGE_TEXTS[language]
      const title = answer.status === 404 ? t.notFoundTitle : t.errorTitle
      return html(res, answer.status, messagePage(language, title, answer.message))
    }
    if (answer.retryAfter !== undefined) res.setHeader('Retry-After', String(answer.retryAfter))
    html(
      res,
      answer.status,
      renderClausePage(view, clause, language, {
        values: valuesOf(req.body),
        error: answer.message,
      }),
    )
  }

  router.post(
    `${base}/clauses/:clauseId`,
    (req, _res, next) => {
      // Anyone may comment, but only through this site's own form.
      const origin = req.get('origin')
      if (origin !== undefined && origin !== config.publicOrigin) {
        return next(
          new HttpError(403, ErrorCode.crossOrigin, 'Requests from other sites are refused'),
        )
      }
      next()
    },
    express.urlencoded({ extended: false, limit: FORM_BYTES, parameterLimit: 20 }),
    ...limits,
    async (req, res) => {
      const language = publicLanguage(req)
      const form = valuesOf(req.body)
      const request = parse(publicCommentRequest, {
        ...form,
        clauseId: String(req.params.clauseId),
        consent: form.consent === 'true',
        publishName: form.publishName === 'true',
        website: typeof req.body?.website === 'string' ? req.body.website : undefined,
      })
      const { next } = await consultations.submitComment(slugOf(req), request, language)
      res.redirect(303, `${pagePath(slugOf(req), language, '/thanks')}&next=${next}`)
    },
  )
  router.use(`${base}/clauses/:clauseId`, ((err, req, res, next) => {
    refuse(req, res, err).catch(next)
  }) satisfies express.ErrorRequestHandler)

  router.get(`${base}/thanks`, (req, res) => {
    const language = publicLanguage(req)
    const t = PAGE_TEXTS[language]
    const said = req.query.next === 'confirm' ? t.sentConfirm : t.sentModeration
    html(
      res,
      200,
      messagePage(language, t.sentTitle, said, {
        back: { href: pagePath(slugOf(req), language), label: t.back },
      }),
    )
  })

  // GET only asks (mail scanners fetch links); the button's POST confirms.
  router.get(`${base}/confirm/:token`, (req, res) => {
    const language = publicLanguage(req)
    const t = PAGE_TEXTS[language]
    const token = encodeURIComponent(String(req.params.token))
    html(
      res,
      200,
      messagePage(language, t.confirmTitle, t.confirmAsk, {
        button: {
          action: pagePath(slugOf(req), language, `/confirm/${token}`),
          label: t.confirmButton,
        },
      }),
    )
  })

  router.post(
    `${base}/confirm/:token`,
    page(async (req, res, language) => {
      const t = PAGE_TEXTS[language]
      try {
        await consultations.confirmComment(slugOf(req), String(req.params.token))
      } catch (err) {
        const answer = publicErrorAnswer(err, language)
        if (answer?.code !== ErrorCode.tokenInvalid) throw err
        return html(res, 404, messagePage(language, t.confirmTitle, answer.message))
      }
      html(
        res,
        200,
        messagePage(language, t.confirmTitle, t.confirmed, {
          back: { href: pagePath(slugOf(req), language), label: t.back },
        }),
      )
    }),
  )

  router.get(
    `${base}/report.:format`,
    page(async (req, res, language) => {
      const format = String(req.params.format)
      if (format !== 'csv' && format !== 'json') return notFoundPage(res, language)
      const { compilation, fileName } = await consultations.publicReport(slugOf(req))
      res.setHeader('Cache-Control', 'no-cache')
      if (format === 'json') {
        res.attachment(`${fileName}.json`).json(compilation)
        return
      }
      res.setHeader('Content-Type', 'text/csv; charset=utf-8')
      res.attachment(`${fileName}.csv`)
      res.send(Buffer.from(compilationToCsv(compilation, language)))
    }),
  )

  return router
}
