import type { Context } from 'hono'
import { raw } from 'hono/html'
import type { Child } from 'hono/jsx'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { PageContext } from '../../views/layout.js'
import type { AppEnv } from './env.js'

export function pageContext(c: Context<AppEnv>): PageContext {
  return {
    user: c.get('user') ?? null,
    // Read lazily: only pages with a form set the CSRF cookie, so plain public pages stay cookie-free.
    get csrfToken() {
      return c.get('csrfToken')()
    },
    path: c.req.path,
  }
}

/**
 * True when htmx asks for a fragment of the page. Boosted links and history restores send
 * `HX-Request-Type: full` and need the whole page, so this is not the same as `HX-Request`.
 */
export function isPartial(c: Context): boolean {
  return c.req.header('hx-request-type') === 'partial'
}

/** Sends a whole HTML document. */
export function renderPage(c: Context<AppEnv>, page: Child, status: ContentfulStatusCode = 200) {
  c.header('Vary', 'HX-Request-Type', { append: true })
  c.header('Cache-Control', 'no-store')
  return c.html(
    <>
      {raw('<!DOCTYPE html>')}
      {page}
    </>,
    status,
  )
}

/** One URL, two shapes: the fragment for an htmx partial request, the whole page otherwise. */
export function renderPageOrPartial(
  c: Context<AppEnv>,
  page: Child,
  partial: Child,
  status: ContentfulStatusCode = 200,
) {
  if (!isPartial(c)) return renderPage(c, page, status)
  c.header('Vary', 'HX-Request-Type', { append: true })
  c.header('Cache-Control', 'no-store')
  // biome-ignore lint/complexity/noUselessFragments: c.html needs an element, and a view may return any child
  return c.html(<>{partial}</>, status)
}
