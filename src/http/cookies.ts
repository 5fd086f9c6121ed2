import type { Context } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import { servesHttps } from '../config.js'
import type { AppEnv } from './env.js'

// The registry's own cookies: the session and the form token's. Both are HttpOnly, SameSite=Lax,
// for the whole site. Served over HTTPS they carry the __Host- prefix, which browsers accept
// only with Secure, Path=/ and no Domain: a neighbouring site (another *.gov.ls host) cannot
// then plant one of its own to fix a victim's session or form token.

export type RegistryCookie = 'session' | 'csrf'

const NAMES: Record<RegistryCookie, string> = { session: 'rr_session', csrf: 'rr_csrf' }

/** The cookie's name as this server sets it. */
export function cookieName(which: RegistryCookie, secure: boolean): string {
  return secure ? `__Host-${NAMES[which]}` : NAMES[which]
}

const secureOf = (c: Context<AppEnv>) => servesHttps(c.get('config'))

export function readCookie(c: Context<AppEnv>, which: RegistryCookie): string | undefined {
  return getCookie(c, cookieName(which, secureOf(c)))
}

export function writeCookie(
  c: Context<AppEnv>,
  which: RegistryCookie,
  value: string,
  options: { maxAge?: number } = {},
) {
  const secure = secureOf(c)
  setCookie(c, cookieName(which, secure), value, {
    httpOnly: true,
    sameSite: 'Lax',
    secure,
    path: '/',
    ...options,
  })
}

export function removeCookie(c: Context<AppEnv>, which: RegistryCookie) {
  const secure = secureOf(c)
  deleteCookie(c, cookieName(which, secure), { path: '/', secure })
}
