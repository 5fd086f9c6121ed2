import type { Context, MiddlewareHandler } from 'hono'
import type { Actor } from '../audit/audit.js'
import { readCookie, removeCookie } from '../http/cookies.js'
import type { AppEnv } from '../http/env.js'
import { PageError } from '../http/problems.js'
import type { Role } from '../vocabulary.js'
import { actorFor, resolveSession } from './accounts.js'
import { hashToken } from './tokens.js'

/**
 * Reads the session cookie once per request and puts the signed-in user (or null) on `c.var.user`,
 * and the cookie's hash on `c.var.sessionTokenHash` (form tokens are bound to it).
 */
export const loadSession: MiddlewareHandler<AppEnv> = async (c, next) => {
  const token = readCookie(c, 'session')
  let user = null
  if (token) {
    const config = c.get('config')
    user = await resolveSession(c.get('db'), token, {
      idleMinutes: config.SESSION_IDLE_MINUTES,
      absoluteHours: config.SESSION_ABSOLUTE_HOURS,
    })
    if (!user) removeCookie(c, 'session')
  }
  c.set('user', user)
  c.set('sessionTokenHash', token ? hashToken(token) : null)
  await next()
}

export class SignInRequired extends Error {}

/** A guard that knows which roles it lets through; the route-table test reads `roles`. */
export type RoleGuard = MiddlewareHandler<AppEnv> & { roles: readonly Role[] }

// Pages a user who must set a new password may still reach.
const PASSWORD_CHANGE_PATHS = new Set(['/account/password', '/logout'])

/**
 * The guard every staff route uses. Anonymous requests are sent to sign in (401 for
 * anything but a page view), other roles get 403.
 */
export function requireRole(...roles: Role[]): RoleGuard {
  const guard: MiddlewareHandler<AppEnv> = async (c, next) => {
    const user = c.get('user')
    if (!user) {
      if (c.req.method === 'GET' && c.req.header('hx-request-type') !== 'partial') {
        const next = c.req.url.slice(new URL(c.req.url).origin.length)
        return c.redirect(`/login?next=${encodeURIComponent(next)}`, 303)
      }
      throw new SignInRequired()
    }
    if (user.mustChangePassword && !PASSWORD_CHANGE_PATHS.has(c.req.path)) {
      return c.redirect('/account/password', 303)
    }
    if (!roles.includes(user.role)) throw new PageError(403)
    await next()
  }
  return Object.assign(guard, { roles: Object.freeze([...roles]) })
}

export const ALL_STAFF: Role[] = [
  'admin',
  'licensing_officer',
  'licensing_manager',
  'inspector',
  'police_officer',
  'analyst',
  'prosecutor',
]

/** The signed-in user as the audit log records them. */
export function actorOf(c: Context<AppEnv>): Actor {
  const user = c.get('user')
  const client = { clientAddress: c.get('clientAddress') }
  return user ? actorFor(user, client) : { id: null, label: 'anonymous', ...client }
}
