import type { Context } from 'hono'
import { raw } from 'hono/html'
import type { Child } from 'hono/jsx'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { sendText } from './compression.js'
import type { AppEnv, SessionUser } from './env.js'

/** What every page knows about the request it answers. */
export interface PageContext {
  user: SessionUser | null
  csrfToken: string
  path: string
}

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

/** Renders JSX to an HTML response (compressed when worth it). */
export async function sendHtml(
  c: Context,
  node: Child,
  status: ContentfulStatusCode = 200,
): Promise<Response> {
  // biome-ignore lint/complexity/noUselessFragments: a fragment turns any child into a renderable node
  const html = await (<>{node}</>).toString()
  return sendText(c, html, 'text/html; charset=UTF-8', status)
}

/** Sends a whole HTML document. */
export function renderPage(c: Context<AppEnv>, page: Child, status: ContentfulStatusCode = 200) {
  c.header('Vary', 'HX-Request-Type', { append: true })
  c.header('Cache-Control', 'no-store')
  return sendHtml(
    c,
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
  return sendHtml(c, partial, status)
}
