import type { Logger } from 'pino'
import type { SessionUser } from '../auth/accounts.js'
import type { Config } from '../config.js'
import type { Database } from '../db/database.js'
import type { Language } from '../i18n/messages.js'

/** What every handler can read from `c.var`. */
export type AppEnv = {
  Variables: {
    db: Database
    config: Config
    logger: Logger
    requestId: string
    user: SessionUser | null
    /** The CSRF token for forms on this page (sets the CSRF cookie when first needed). */
    csrfToken: () => string
    clientAddress: string | null
    /** The language of a public page (set by publicLanguage). */
    lang?: Language
  }
}
