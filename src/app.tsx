import { Hono } from 'hono'
import { requestId } from 'hono/request-id'
import { secureHeaders } from 'hono/secure-headers'
import type { Logger } from 'pino'
import { ErrorMessage, ErrorPage } from '../views/errors.js'
import { FormExpiredPage } from '../views/public/report.js'
import { adminRoutes } from './admin/routes.js'
import { agencyRoutes } from './agencies/routes.js'
import { auditRoutes } from './audit/routes.js'
import { loadSession, SignInRequired } from './auth/guard.js'
import { authRoutes } from './auth/routes.js'
import { casePartyRoutes } from './cases/party-routes.js'
import { caseRoutes } from './cases/routes.js'
import { complaintPublicRoutes } from './complaints/public-routes.js'
import { complaintRoutes } from './complaints/routes.js'
import { type Config, servesHttps } from './config.js'
import { type Database, isDatabaseUnavailable } from './db/database.js'
import { focalPointPublicRoutes } from './focal-points/public-routes.js'
import { focalPointRoutes } from './focal-points/routes.js'
import { homeRoutes } from './home/routes.js'
import { staticRoutes } from './http/assets.js'
import { limitBody } from './http/body-limit.js'
import { clientAddressOf } from './http/client-address.js'
import { CsrfError, csrfProtection } from './http/csrf.js'
import type { AppEnv } from './http/env.js'
import { requestLog } from './http/logging.js'
import { type ErrorStatus, PageError } from './http/problems.js'
import { isPartial, pageContext, renderPage, sendHtml } from './http/render.js'
import { confirmRoutes } from './inspections/confirm-routes.js'
import { photoRoutes } from './inspections/photo-routes.js'
import { inspectionRoutes } from './inspections/routes.js'
import { jobOfferPublicRoutes } from './job-offers/public-routes.js'
import { jobOfferRoutes } from './job-offers/routes.js'
import { appealRoutes } from './licensing/appeal-routes.js'
import { noticeRoutes } from './licensing/notice-routes.js'
import { licensingRoutes } from './licensing/routes.js'
import { publicContext } from './public/context.js'
import { publicRoutes } from './public/routes.js'
import { reportRoutes } from './reports/routes.js'
import { setupRoutes } from './setup/routes.js'
import { mergeRoutes } from './worksites/merge-routes.js'
import { worksiteRoutes } from './worksites/routes.js'

export interface AppDeps {
  db: Database
  config: Config
  logger: Logger
  /** Signs CSRF tokens (see resolveSigningSecret). */
  secret: string
}

export function createApp(deps: AppDeps) {
  const app = new Hono<AppEnv>()

  app.use(requestId())
  app.use(async (c, next) => {
    c.set('db', deps.db)
    c.set('config', deps.config)
    c.set('logger', deps.logger)
    c.set('user', null)
    c.set('sessionTokenHash', null)
    c.set('clientAddress', clientAddressOf(c, deps.config.TRUST_PROXY))
    await next()
  })
  app.use(requestLog)
  app.use(
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        // blob: the inspection form shows photos kept on the device before they are sent.
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
        objectSrc: ["'none'"],
      },
      strictTransportSecurity: servesHttps(deps.config) ? 'max-age=31536000; includeSubDomains' : false,
      referrerPolicy: 'same-origin',
      crossOriginEmbedderPolicy: false,
    }),
  )
  app.route('/', staticRoutes)
  // Bounded before anything reads it; the session before the form token (it is bound to it).
  app.use(limitBody)
  app.use(loadSession)
  app.use(csrfProtection({ secret: deps.secret, exemptPaths: ['/ussd'] }))

  app.route('/', publicRoutes(deps.config, deps.secret))
  app.route('/', complaintPublicRoutes(deps.config))
  app.route('/', jobOfferPublicRoutes(deps.config))
  app.route('/', homeRoutes)
  app.route('/', authRoutes)
  app.route('/', setupRoutes)
  app.route('/', adminRoutes)
  app.route('/', auditRoutes)
  app.route('/', agencyRoutes)
  app.route('/', licensingRoutes)
  app.route('/', noticeRoutes)
  app.route('/', appealRoutes)
  app.route('/', jobOfferRoutes)
  app.route('/', caseRoutes)
  app.route('/', casePartyRoutes)
  app.route('/', focalPointRoutes)
  app.route('/', focalPointPublicRoutes)
  app.route('/', complaintRoutes)
  // Before the worksite routes, so /worksites/duplicates is not read as a worksite's id.
  app.route('/', mergeRoutes)
  app.route('/', worksiteRoutes)
  app.route('/', photoRoutes)
  app.route('/', confirmRoutes)
  app.route('/', inspectionRoutes)
  app.route('/', reportRoutes)

  const renderError = (
    c: Parameters<Parameters<typeof app.onError>[0]>[1],
    status: ErrorStatus | 401,
    detail?: string,
  ) => {
    if (status === 401) {
      c.header('HX-Redirect', '/login')
      return renderPage(
        c,
        <ErrorPage
          ctx={pageContext(c)}
          status={403}
          detail="Your session has ended. Sign in again to continue."
        />,
        401,
      )
    }
    const reqId = status >= 500 ? c.get('requestId') : undefined
    if (isPartial(c))
      return sendHtml(c, <ErrorMessage status={status} detail={detail} requestId={reqId} />, status)
    return renderPage(
      c,
      <ErrorPage ctx={pageContext(c)} status={status} detail={detail} requestId={reqId} />,
      status,
    )
  }

  app.notFound((c) => renderError(c, 404))
  app.onError((error, c) => {
    if (c.get('bodyTooLarge') || (error instanceof PageError && error.status === 413)) {
      // The rest of the upload is not wanted: the connection closes instead of reading it.
      c.header('Connection', 'close')
      return renderError(c, 413)
    }
    if (error instanceof PageError) return renderError(c, error.status, error.detail)
    if (error instanceof SignInRequired) return renderError(c, 401)
    if (error instanceof CsrfError) {
      // The reporter reads it in their language, with what to do about what they typed.
      if (!c.get('user') && c.req.path === '/complaints/new')
        return renderPage(c, <FormExpiredPage pc={publicContext(c)} />, 403)
      return renderError(
        c,
        403,
        'This form has expired or did not come from the registry. Go back, reload the page and try again.',
      )
    }
    // The sender went away before its body arrived (a phone losing signal mid-upload): nothing was
    // stored, nobody waits for an answer, and it is not the database's fault.
    if (c.req.raw.signal.aborted || (error instanceof Error && error.message === 'aborted')) {
      c.get('logger')?.info({ reqId: c.get('requestId') }, 'request abandoned by the client')
      return c.body(null, 400)
    }
    if (isDatabaseUnavailable(error)) {
      c.get('logger')?.warn({ reqId: c.get('requestId'), err: error.message }, 'database unavailable')
      c.header('Retry-After', '30')
      return renderError(c, 503)
    }
    c.get('logger')?.error({ reqId: c.get('requestId'), err: error }, 'unhandled error')
    return renderError(c, 500)
  })

  return app
}

export type App = ReturnType<typeof createApp>
