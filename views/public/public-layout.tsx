import type { Child } from 'hono/jsx'
import type { PageContext } from '../../src/http/render.js'
import type { Catalogue, Language } from '../../src/i18n/messages.js'
import { Layout } from '../layout.js'

/** What every public page knows: the request, its language and that language's messages. */
export interface PublicContext {
  page: PageContext
  lang: Language
  t: Catalogue
  /** This page in the other language. */
  otherLanguageHref: string
  /** The USSD code to dial, where the service has one (USSD_CODE). */
  ussdCode?: string | undefined
}

export function PublicLayout(props: {
  pc: PublicContext
  title: string
  hasErrors?: boolean
  /** What search results and shared links say of the page; the registry's own words otherwise. */
  description?: string
  children: Child
}) {
  const { pc } = props
  return (
    <Layout
      ctx={pc.page}
      title={props.title}
      hasErrors={props.hasErrors}
      lang={pc.lang}
      otherLanguageHref={pc.otherLanguageHref}
      description={props.description ?? pc.t.metaDescription}
    >
      {props.children}
    </Layout>
  )
}
