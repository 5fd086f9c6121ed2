import type { Context, MiddlewareHandler } from 'hono'
import { getCookie, setCookie } from 'hono/cookie'
import { servesHttps } from '../config.js'
import { formatTime } from '../format.js'
import type { AppEnv } from '../http/env.js'
import { dateInLesotho } from '../time.js'
import { type Catalogue, LANGUAGES, type Language } from './messages.js'

export const LANGUAGE_COOKIE = 'rr_lang'

function isLanguage(value: string | undefined): value is Language {
  return (LANGUAGES as readonly string[]).includes(value ?? '')
}

/** The first of our languages in an Accept-Language header, by the weights given ("st;q=0.9, en;q=0.8"). */
export function preferredLanguage(header: string | undefined): Language | null {
  if (!header) return null
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';')
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
      const weight = q ? Number(q.slice(2)) : 1
      return {
        base: tag.trim().toLowerCase().split('-')[0],
        weight: Number.isFinite(weight) ? weight : 0,
        index,
      }
    })
    .filter((entry) => entry.weight > 0 && isLanguage(entry.base))
    .sort((a, b) => b.weight - a.weight || a.index - b.index)
  return (ranked[0]?.base as Language | undefined) ?? null
}

/**
 * The language of a public page: `?lang=` (remembered in a cookie), else the cookie, else the
 * browser's Accept-Language, else English.
 */
export function chooseLanguage(
  query: string | undefined,
  cookie: string | undefined,
  accept: string | undefined,
) {
  if (isLanguage(query)) return { lang: query, remember: query !== cookie }
  if (isLanguage(cookie)) return { lang: cookie, remember: false }
  return { lang: preferredLanguage(accept) ?? 'en', remember: false }
}

/** Sets `c.var.lang` for public routes. */
export const publicLanguage: MiddlewareHandler<AppEnv> = async (c, next) => {
  const choice = chooseLanguage(
    c.req.query('lang'),
    getCookie(c, LANGUAGE_COOKIE),
    c.req.header('accept-language'),
  )
  if (choice.remember) {
    setCookie(c, LANGUAGE_COOKIE, choice.lang, {
      path: '/',
      maxAge: 60 * 60 * 24 * 365,
      sameSite: 'Lax',
      secure: servesHttps(c.get('config')),
    })
  }
  c.set('lang', choice.lang)
  c.header('Content-Language', choice.lang)
  c.header('Vary', 'Cookie, Accept-Language', { append: true })
  await next()
}

/** The public language of this request; chosen afresh where the middleware has not run (an error). */
export function languageOf(c: Context<AppEnv>): Language {
  return (
    c.get('lang') ??
    chooseLanguage(c.req.query('lang'), getCookie(c, LANGUAGE_COOKIE), c.req.header('accept-language')).lang
  )
}

/** "3 March 2026" / "3 Hlakubele 2026", for a calendar date (YYYY-MM-DD) or a moment in Lesotho. */
export function formatPublicDate(value: string | Date, t: Catalogue): string {
  const iso = typeof value === 'string' ? value : dateInLesotho(value)
  const [year, month, day] = iso.split('-').map(Number)
  return `${day} ${t.months[(month ?? 1) - 1]} ${year}`
}

export function formatPublicDateTime(value: Date, t: Catalogue): string {
  return t.dateAtTime(formatPublicDate(value, t), formatTime(value))
}
