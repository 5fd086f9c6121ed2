import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import type { MiddlewareHandler } from 'hono'
import { readCookie, writeCookie } from './cookies.js'
import type { AppEnv } from './env.js'
import { formBody } from './validation.js'

export const CSRF_FIELD = '_csrf'
export const CSRF_HEADER = 'x-csrf-token'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * What a form token is bound to: the session once someone is signed in (so a token is worth
 * nothing in another session, and changes at every sign-in), else a random value in the form
 * cookie (sign-in, the public report form).
 */
export type CsrfBinding = { session: string } | { form: string }

export function csrfTokenFor(secret: string, binding: CsrfBinding): string {
  const bound = 'session' in binding ? `session:${binding.session}` : `form:${binding.form}`
  return createHmac('sha256', secret).update(bound).digest('base64url')
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

export class CsrfError extends Error {}

const FORM_COOKIE_DAYS = 30

/** A new random value for the form cookie: at first need, at sign-in and at sign-out. */
export function renewFormCookie(c: Parameters<MiddlewareHandler<AppEnv>>[0]): string {
  const value = randomBytes(32).toString('base64url')
  // Kept across browser restarts: a phone that reopens a tab of the report form can still send it.
  writeCookie(c, 'csrf', value, { maxAge: FORM_COOKIE_DAYS * 24 * 60 * 60 })
  return value
}

/**
 * Signed tokens: the HMAC under the server secret of what the token is bound to (see
 * CsrfBinding). A cross-site page can neither read the cookies nor compute the HMAC, and no
 * server state is needed, so any instance can check any form. Runs after the session is read.
 * A request that cannot carry a right token (no cookie to bind it to, or sent by another site)
 * is refused before its body is read.
 */
export function csrfProtection(opts: {
  secret: string
  /** Paths posted to by other servers, not browsers (the USSD gateway): no cookie, no token. */
  exemptPaths?: readonly string[]
}): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    let formCookie = readCookie(c, 'csrf')
    const sessionHash = c.get('sessionTokenHash')
    c.set('csrfToken', () => {
      if (c.get('user') && sessionHash) return csrfTokenFor(opts.secret, { session: sessionHash })
      formCookie ??= renewFormCookie(c)
      return csrfTokenFor(opts.secret, { form: formCookie })
    })
    if (
      SAFE_METHODS.has(c.req.method) ||
      opts.exemptPaths?.some((p) => c.req.path === p || c.req.path.startsWith(`${p}/`))
    )
      return next()

    if (c.req.header('sec-fetch-site') === 'cross-site') throw new CsrfError('cross-site request')
    const expected: string[] = []
    if (sessionHash) expected.push(csrfTokenFor(opts.secret, { session: sessionHash }))
    // Signed in, only the session's token counts; a session that has ended leaves the form one.
    if (formCookie && !c.get('user')) expected.push(csrfTokenFor(opts.secret, { form: formCookie }))
    if (expected.length === 0) throw new CsrfError('no cookie to bind a token to')
    let sent = c.req.header(CSRF_HEADER)
    if (!sent) {
      const field = (await formBody(c))[CSRF_FIELD]
      if (typeof field === 'string') sent = field
    }
    if (!sent || !expected.some((token) => sameToken(sent, token)))
      throw new CsrfError('missing or wrong CSRF token')
    return next()
  }
}
