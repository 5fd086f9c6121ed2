import type { Context } from 'hono'
import type { PublicContext } from '../../views/public/public-layout.js'
import type { AppEnv } from '../http/env.js'
import { pageContext } from '../http/render.js'
import { languageOf } from '../i18n/language.js'
import { messagesFor, otherLanguage } from '../i18n/messages.js'

/** What a public view needs: the page, its language, the messages, the other language's link. */
export function publicContext(c: Context<AppEnv>): PublicContext {
  const lang = languageOf(c)
  const url = new URL(c.req.url)
  url.searchParams.set('lang', otherLanguage(lang))
  return {
    page: pageContext(c),
    lang,
    t: messagesFor(lang),
    otherLanguageHref: `${url.pathname}${url.search}`,
    ussdCode: c.get('config').USSD_CODE,
  }
}
