import type { Child } from 'hono/jsx'
import { assetUrl } from '../src/http/assets.js'
import type { PageContext } from '../src/http/render.js'
import { type Language, messagesFor, otherLanguage } from '../src/i18n/messages.js'
import { INSPECTION_WRITERS } from '../src/inspections/access.js'
import { ROLE_LABELS } from '../src/vocabulary.js'
import { CsrfField } from './components/forms.js'
import { STAFF_NAV } from './nav.js'

export function Layout(props: {
  ctx: PageContext
  title: string
  hasErrors?: boolean
  /** Public pages come in English and Sesotho; staff pages in English. */
  lang?: Language
  /** The same page in the other language (public pages). */
  otherLanguageHref?: string
  /** What search results and shared links say of a public page. */
  description?: string | undefined
  children: Child
}) {
  const { ctx } = props
  const user = ctx.user
  const lang = props.lang ?? 'en'
  const t = messagesFor(lang)
  const nav = user ? STAFF_NAV.filter((item) => item.roles.includes(user.role)) : []
  const records = user !== null && INSPECTION_WRITERS.includes(user.role)
  return (
    <html lang={lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        {props.description && <meta name="description" content={props.description} />}
        <title>{`${props.hasErrors ? t.errorPrefix : ''}${props.title} – ${t.siteName}`}</title>
        {/* htmx must not inject its own <style>: the CSP allows only our stylesheet. */}
        <meta name="htmx-config" content='{"includeIndicatorCSS":false}' />
        {/* No icon to fetch: saves a request (and a 404) on every first visit over mobile data. */}
        <link rel="icon" href="data:," />
        <link rel="stylesheet" href={assetUrl('app.css')} />
        <script src={assetUrl('htmx.js')} defer />
        {/* Keeps inspections on the device without a network (views/browser/offline.tsx). */}
        {records && <script src={assetUrl('offline.js')} defer />}
      </head>
      <body hx-boost:inherited="true" data-user={records ? user.id : undefined}>
        <a class="skip-link" href="#main">
          {t.skipLink}
        </a>
        <header class="site-header">
          <div class="wrap bar">
            <a class="site-name" href={user ? '/staff' : '/'}>
              {t.siteName}
            </a>
            {props.otherLanguageHref && (
              <a
                class="language-switch"
                href={props.otherLanguageHref}
                lang={otherLanguage(lang)}
                hreflang={otherLanguage(lang)}
                aria-label={t.otherLanguageLabel}
              >
                {t.otherLanguageLink}
              </a>
            )}
            {user && (
              <div class="site-user">
                <span>
                  {user.name} ({ROLE_LABELS[user.role]})
                </span>
                {/* A whole page load: the service worker sees it and forgets this user's kept pages. */}
                <form method="post" action="/logout" hx-boost="false">
                  <CsrfField token={ctx.csrfToken} />
                  <button type="submit">Sign out</button>
                </form>
              </div>
            )}
          </div>
          {nav.length > 0 && (
            <nav class="site-nav" aria-label="Main">
              <ul class="wrap">
                {nav.map((item) => (
                  <li>
                    <a
                      href={item.href}
                      aria-current={
                        ctx.path === item.href ||
                        (item.href !== '/staff' && ctx.path.startsWith(`${item.href}/`))
                          ? 'page'
                          : undefined
                      }
                    >
                      {item.label}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          )}
        </header>
        {/* Its language on <main> too: after an htmx swap, <html> takes it (views/browser/pages.ts). */}
        <main
          id="main"
          class="wrap"
          tabindex={-1}
          lang={lang}
          data-rendered-at={records ? new Date().toISOString() : undefined}
        >
          {props.children}
        </main>
        <footer class="site-footer">
          <div class="wrap">
            {t.footer} {user ? null : <a href="/login">{t.staffSignIn}</a>}
          </div>
        </footer>
      </body>
    </html>
  )
}
