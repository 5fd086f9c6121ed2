import type { Logger } from 'pino'
import type { Config } from '../config.js'
import type { Database } from '../db/database.js'
import type { Language } from '../i18n/messages.js'
import type { District, Role } from '../vocabulary.js'

/** The signed-in person as every request sees them (src/auth/guard.ts sets it). */
export interface SessionUser {
  id: string
  name: string
  email: string
  role: Role
  homeDistrict: District
  mustChangePassword: boolean
}

/** What every handler can read from `c.var`. */
export type AppEnv = {
  Variables: {
    db: Database
    config: Config
    logger: Logger
    requestId: string
    user: SessionUser | null
    /** The hash of the session cookie sent, valid or not (forms' tokens are bound to it). */
    sessionTokenHash: string | null
    /** The CSRF token for forms on this page (sets the CSRF cookie when first needed). */
    csrfToken: () => string
    clientAddress: string | null
    /** The language of a public page (set by publicLanguage). */
    lang?: Language
    /** Set when the body grew past its limit while being read (answered 413). */
    bodyTooLarge?: boolean
    /** The path as the request log writes it, when the real one holds a secret (USSD). */
    loggedPath?: string
  }
}
