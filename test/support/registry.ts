import { randomBytes } from 'node:crypto'
import { Writable } from 'node:stream'
import pino from 'pino'
import { createApp } from '../../src/app.js'
import { insertUser } from '../../src/auth/accounts.js'
import { hashPassword } from '../../src/auth/password.js'
import { hashToken } from '../../src/auth/tokens.js'
import { type Config, loadConfig } from '../../src/config.js'
import { cookieName } from '../../src/http/cookies.js'
import { CSRF_FIELD, csrfTokenFor } from '../../src/http/csrf.js'
import type { District, Role } from '../../src/vocabulary.js'
import { createTestDatabase, type TestDatabase } from './database.js'

export const TEST_SECRET = 'test-secret-that-is-long-enough-for-hmac-0123456789'
export const TEST_PASSWORD = 'correct horse battery staple'

export type TestApp = ReturnType<typeof createApp>

/** Everything the integration tests need: the app on this file's own database, and helpers. */
export async function createTestRegistry(env: Record<string, string> = {}) {
  const database: TestDatabase = await createTestDatabase()
  const config: Config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'info', SECRET_KEY: TEST_SECRET, ...env })
  // The structured log is captured so tests can check what it contains.
  const logLines: string[] = []
  const sink = new Writable({
    write(chunk, _enc, done) {
      logLines.push(String(chunk))
      done()
    },
  })
  const logger = pino({ level: 'info' }, sink)
  const app = createApp({ db: database.db, config, logger, secret: TEST_SECRET })
  const db = database.db

  let counter = 0
  async function createUser(
    role: Role,
    options: { password?: string; mustChangePassword?: boolean; district?: District; name?: string } = {},
  ) {
    counter += 1
    const email = `${role}.${counter}.${randomBytes(3).toString('hex')}@labour.gov.ls`
    const password = options.password ?? TEST_PASSWORD
    const user = await insertUser(db, {
      email,
      name: options.name ?? `Test ${role.replace('_', ' ')} ${counter}`,
      role,
      homeDistrict: options.district ?? 'Maseru',
      passwordHash: await hashPassword(password),
      mustChangePassword: options.mustChangePassword ?? false,
    })
    return { user, email, password }
  }

  /** A signed-in browser-like client for a new user of this role. */
  async function signedInAs(role: Role) {
    const account = await createUser(role)
    const client = new TestClient(app)
    const res = await client.post('/login', { email: account.email, password: account.password })
    if (res.status !== 303) throw new Error(`sign-in as ${role} failed with ${res.status}`)
    return { client, ...account }
  }

  return { app, db, config, database, logLines, createUser, signedInAs, close: () => database.dispose() }
}

type FormValues = Record<string, string | string[]>

// Tests serve plain HTTP, so the cookies have no __Host- prefix.
export const CSRF_COOKIE = cookieName('csrf', false)
export const SESSION_COOKIE = cookieName('session', false)

/** Keeps cookies between requests like a browser, and adds the CSRF token to every form it posts. */
export class TestClient {
  readonly cookies = new Map<string, string>()

  constructor(private readonly app: TestApp) {
    this.cookies.set(CSRF_COOKIE, randomBytes(32).toString('base64url'))
  }

  /** The token a page would carry: bound to the session once signed in, else to the form cookie. */
  get csrfToken(): string {
    const session = this.cookies.get(SESSION_COOKIE)
    if (session) return csrfTokenFor(TEST_SECRET, { session: hashToken(session) })
    return csrfTokenFor(TEST_SECRET, { form: this.cookies.get(CSRF_COOKIE) ?? '' })
  }

  async request(
    method: string,
    path: string,
    init: { form?: FormValues; headers?: Record<string, string> } = {},
  ) {
    const headers = new Headers(init.headers)
    headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '))
    let body: string | undefined
    if (init.form) {
      const params = new URLSearchParams()
      for (const [k, v] of Object.entries(init.form)) for (const item of [v].flat()) params.append(k, item)
      body = params.toString()
      headers.set('content-type', 'application/x-www-form-urlencoded')
    }
    const res = await this.app.request(path, { method, headers, body })
    for (const cookie of res.headers.getSetCookie()) {
      const [pair = '', ...attrs] = cookie.split(';')
      const eq = pair.indexOf('=')
      const name = pair.slice(0, eq).trim()
      const value = pair.slice(eq + 1).trim()
      const expired = attrs.some((a) => /max-age=0\b/i.test(a) || /expires=Thu, 01 Jan 1970/i.test(a))
      if (expired || value === '') this.cookies.delete(name)
      else this.cookies.set(name, value)
    }
    return res
  }

  get(path: string, headers?: Record<string, string>) {
    return this.request('GET', path, { headers })
  }

  /** The Cookie header this client sends. */
  get cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
  }

  /** Posts raw bytes (a photo) with the CSRF token in its header, as the device does. */
  sendBytes(path: string, bytes: Uint8Array, contentType = 'image/jpeg') {
    const headers = new Headers({
      cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      'x-csrf-token': this.csrfToken,
      'content-type': contentType,
    })
    return this.app.request(path, { method: 'POST', headers, body: bytes as unknown as BodyInit })
  }

  /** Posts a form with the CSRF token, as a page from the registry would. */
  post(path: string, form: FormValues = {}, headers?: Record<string, string>) {
    return this.request('POST', path, { form: { [CSRF_FIELD]: this.csrfToken, ...form }, headers })
  }
}
