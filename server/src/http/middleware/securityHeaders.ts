import helmet from 'helmet'
import type { Config } from '../../config.js'

/**
 * The security headers of every answer (helmet): the application's content security policy,
 * HSTS behind https. The public consultation pages tighten some of them (sendPage.ts).
 */
export const securityHeaders = (config: Pick<Config, 'publicOrigin'>) => {
  const wsOrigin = config.publicOrigin.replace(/^http/, 'ws')
  return helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        connectSrc: ["'self'", wsOrigin],
        // ProseMirror and collaborators' carets set style attributes.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: config.publicOrigin.startsWith('https:') ? [] : null,
      },
    },
    strictTransportSecurity: config.publicOrigin.startsWith('https:'),
  })
}
