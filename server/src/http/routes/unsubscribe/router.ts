import escapeHtml from 'escape-html'
import express, { Router } from 'express'
import type { AppDeps } from '../../AppDeps.js'

/** The page's words, beside the mails' (same languages). */
const PAGE = {
  en: {
    title: 'Accord mail',
    ask: 'Stop these mails?',
    button: 'Unsubscribe',
    done: 'Done: you will not get these mails any more. You can change this in your profile.',
  },
  ru: {
    title: 'Письма Accord',
    ask: 'Больше не присылать такие письма?',
    button: 'Отписаться',
    done: 'Готово: такие письма больше не придут. Это можно изменить в профиле.',
  },
} as const

const page = (lang: 'ru' | 'en', body: string) =>
  `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(PAGE[lang].title)}</title></head><body><main>${body}</main></body></html>`

/**
 * One-click unsubscribe (RFC 8058) with the signed token from a mail's List-Unsubscribe
 * header. Mounted before the JSON-only CSRF guard: mail providers POST
 * `List-Unsubscribe=One-Click` as a form, from their own servers, and the token is the
 * authority. GET only asks (link scanners fetch links); POST unsubscribes.
 */
export const unsubscribeRouter = ({ notifications }: AppDeps): Router => {
  const router = Router()
  router.get('/unsubscribe/:token', async (req, res) => {
    const { language: lang } = await notifications.unsubscribeTarget(String(req.params.token))
    res
      .type('html')
      .send(
        page(
          lang,
          `<h1>${escapeHtml(PAGE[lang].ask)}</h1><form method="post"><button type="submit">${escapeHtml(PAGE[lang].button)}</button></form>`,
        ),
      )
  })

  router.post(
    '/unsubscribe/:token',
    express.urlencoded({ extended: false, limit: 1024 }),
    async (req, res) => {
      const { language: lang } = await notifications.unsubscribe(String(req.params.token))
      res.type('html').send(page(lang, `<p>${escapeHtml(PAGE[lang].done)}</p>`))
    },
  )

  return router
}
