import fs from 'node:fs'
import path from 'node:path'
import express, { type Express } from 'express'
import expressStaticGzip from 'express-static-gzip'
import type { AppDeps } from './AppDeps.js'
import { authenticate } from './middleware/authenticate.js'
import { csrfGuard } from './middleware/csrfGuard.js'
import { apiNotFound, errorHandler } from './middleware/errorHandler.js'
import { requestLog } from './middleware/requestLog.js'
import { securityHeaders } from './middleware/securityHeaders.js'
import { activityRouter } from './routes/activity/router.js'
import { commentsRouter } from './routes/comments/router.js'
import type { KeptPages } from './routes/consultationPages/keptPages.js'
import { consultationPagesRouter } from './routes/consultationPages/router.js'
import { consultationsRouter } from './routes/consultations/router.js'
import { dispositionRouter } from './routes/disposition/router.js'
import { documentsRouter } from './routes/documents/router.js'
import { eventsRouter } from './routes/events/router.js'
import { exportRouter } from './routes/export/router.js'
import { glossaryRouter } from './routes/glossary/router.js'
import { IMPORT_LANGUAGE_UPLOAD, IMPORT_PATH, importRouter } from './routes/import/router.js'
import { invitationsRouter } from './routes/invitations/router.js'
import { languagesRouter } from './routes/languages/router.js'
import { mailRouter } from './routes/mail/router.js'
import { meRouter } from './routes/me/router.js'
import { notificationsRouter } from './routes/notifications/router.js'
import { passwordResetsRouter } from './routes/passwordResets/router.js'
import { publicCommentLimits } from './routes/publicConsultations/publicCommentLimits.js'
import {
  PUBLIC_API_PATH,
  publicApiErrors,
  publicConsultationsRouter,
} from './routes/publicConsultations/router.js'
import { reviewRoundsRouter } from './routes/reviewRounds/router.js'
import { sessionRouter } from './routes/session/router.js'
import { setupRouter } from './routes/setup/router.js'
import { suggestionsRouter } from './routes/suggestions/router.js'
import { unsubscribeRouter } from './routes/unsubscribe/router.js'
import { usersRouter } from './routes/users/router.js'
import { versionsRouter } from './routes/versions/router.js'

/**
 * The Express app: JSON API under /api, the built web client everywhere else. The public
 * consultation pages it renders are kept in `keptPages`, answered before it (answerKeptPage.ts).
 */
export const createApp = (deps: AppDeps, keptPages: KeptPages): Express => {
  const { config } = deps
  const app = express()
  app.disable('x-powered-by')
  app.set('trust proxy', 'loopback')
  app.use(securityHeaders(config))

  // Shared by the public JSON API and the no-script form, so both count the same comments.
  const publicLimits = publicCommentLimits(deps.limitStores)
  const api = express.Router()
  api.use(requestLog(deps.logger))
  api.get('/health', (_req, res) => {
    res.json({ ok: true })
  })
  // For load balancers and orchestrators: 503 takes this instance out of rotation until it recovers.
  api.get('/health/ready', async (_req, res) => {
    const checks = await deps.readiness()
    const ok = checks.database && checks.cluster
    res.status(ok ? 200 : 503).json({ ok, ...checks })
  })
  // Before the CSRF guard: mail providers post a form from their servers; the signed token decides.
  api.use(unsubscribeRouter(deps))
  api.use(csrfGuard(config.publicOrigin, [IMPORT_PATH, IMPORT_LANGUAGE_UPLOAD]))
  api.use(express.json({ limit: config.maxBodyBytes, strict: true }))
  api.use(authenticate(deps.authenticator))
  api.use((_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store')
    next()
  })
  api.use(publicConsultationsRouter(deps, publicLimits))
  api.use(PUBLIC_API_PATH, publicApiErrors)
  api.use(setupRouter(deps))
  api.use(sessionRouter(deps))
  api.use(meRouter(deps))
  api.use(usersRouter(deps))
  api.use(invitationsRouter(deps))
  api.use(passwordResetsRouter(deps))
  api.use(notificationsRouter(deps))
  api.use(mailRouter(deps))
  api.use(reviewRoundsRouter(deps))
  api.use(importRouter(deps))
  api.use(documentsRouter(deps))
  api.use(languagesRouter(deps))
  api.use(glossaryRouter(deps))
  api.use(eventsRouter(deps))
  api.use(commentsRouter(deps))
  api.use(versionsRouter(deps))
  api.use(suggestionsRouter(deps))
  api.use(exportRouter(deps))
  api.use(dispositionRouter(deps))
  api.use(activityRouter(deps))
  api.use(consultationsRouter(deps))
  api.use(apiNotFound)
  app.use('/api', api)

  app.use(consultationPagesRouter(deps, publicLimits, keptPages))
  const indexHtml = path.join(config.clientDist, 'index.html')
  // The build's .br and .gz copies (client/vite.config.ts) are sent to browsers that accept
  // them; the build must exist when the server starts, as the middleware lists them then.
  app.use(
    expressStaticGzip(config.clientDist, {
      enableBrotli: true,
      orderPreference: ['br', 'gzip'],
      index: false,
      serveStatic: { index: false, maxAge: '1h' },
    }),
  )
  // Every other GET is a client route (/, /documents/:id, /people …): the single-page app answers it.
  app.get(/^\/(?!api\/|collab\/).*/, (_req, res) => {
    if (!fs.existsSync(indexHtml)) {
      res
        .status(503)
        .type('text/plain')
        .send('The web client is not built. Run `npm run build` (npm start does it).')
      return
    }
    res.setHeader('Cache-Control', 'no-cache')
    res.sendFile(indexHtml)
  })
  app.use(errorHandler(deps.logger))
  return app
}
