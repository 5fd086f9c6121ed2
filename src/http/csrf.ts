import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import type { HonoRequest, MiddlewareHandler } from 'hono'
import { getCookie, setCookie } from 'hono/cookie'
import type { AppEnv } from './env.js'

export const CSRF_COOKIE = 'rr_csrf'
export const CSRF_FIELD = '_csrf'
export const CSRF_HEADER = 'x-csrf-token'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

export function csrfTokenFor(secret: string, cookieValue: string): string {
  return createHmac('sha256', secret).update(cookieValue).digest('base64url')
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

export class CsrfError extends Error {}

/**
 * The posted form, parsed once and kept where c.req.parseBody() and the validators look for it.
 * A URL-encoded body is read straight from the socket and parsed here: Hono's own path builds
 * a fetch Response and a stream around it, which costs more than a public report's insert.
 */
function readForm(req: HonoRequest, type: string): Promise<FormData> {
  // Hono types the cache as values but keeps promises in it (HonoRequest#cachedBody).
  const cache = req.bodyCache as { formData?: Promise<FormData> }
  if (cache.formData) return cache.formData
  if (!type.startsWith('application/x-www-form-urlencoded')) return req.formData()
  cache.formData = req.text().then((text) => {
    const data = new FormData()
    for (const [name, value] of new URLSearchParams(text)) data.append(name, value)
    return data
  })
  return cache.formData
}

/**
 * Signed double-submit tokens: a random value in an HttpOnly cookie, and its HMAC under the
 * server secret in each form. A cross-site page can neither read the cookie nor compute the
 * HMAC, and no server state is needed, so any instance can check any form.
 */
export function csrfProtection(opts: {
  secret: string
  secure: boolean
  /** Paths posted to by other servers, not browsers (the USSD gateway): no cookie, no token. */
  exemptPaths?: readonly string[]
}) {
  const middleware: MiddlewareHandler<AppEnv> = async (c, next) => {
    let cookieValue = getCookie(c, CSRF_COOKIE)
    c.set('csrfToken', () => {
      if (!cookieValue) {
        cookieValue = randomBytes(32).toString('base64url')
        setCookie(c, CSRF_COOKIE, cookieValue, {
          httpOnly: true,
          sameSite: 'Lax',
          secure: opts.secure,
          path: '/',
        })
      }
      return csrfTokenFor(opts.secret, cookieValue)
    })
    if (SAFE_METHODS.has(c.req.method) || opts.exemptPaths?.includes(c.req.path)) return next()

    if (c.req.header('sec-fetch-site') === 'cross-site') throw new CsrfError('cross-site request')
    let sent = c.req.header(CSRF_HEADER)
    if (!sent) {
      const type = c.req.header('content-type') ?? ''
      if (type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data')) {
        const form = await readForm(c.req, type).catch(() => null)
        const field = form?.get(CSRF_FIELD)
        if (typeof field === 'string') sent = field
      }
    }
    if (!cookieValue || !sent || !sameToken(sent, csrfTokenFor(opts.secret, cookieValue))) {
      throw new CsrfError('missing or wrong CSRF token')
    }
    return next()
  }
  return middleware
}
