import type { Context } from 'hono'
import { Hono } from 'hono'
import { LoginPage } from '../../views/auth/login.js'
import { PasswordChangePage } from '../../views/auth/password.js'
import { writeAudit } from '../audit/audit.js'
import { formatTime } from '../format.js'
import { readCookie, removeCookie, writeCookie } from '../http/cookies.js'
import { renewFormCookie } from '../http/csrf.js'
import type { AppEnv } from '../http/env.js'
import { pageContext, renderPage } from '../http/render.js'
import { emptyForm, type FormState, parseForm } from '../http/validation.js'
import { attemptLogin, createSession, deleteSession, deleteSessionsOfUser, findUserById } from './accounts.js'
import { ALL_STAFF, actorOf, requireRole } from './guard.js'
import { hashPassword, verifyPassword } from './password.js'
import { passwordProblem } from './password-strength.js'
import { loginSchema, passwordChangeSchema, safeNextPath } from './schemas.js'

/**
 * Signs the user in on this browser: a new session and its cookie, and a new form cookie, so
 * nothing a page held before sign-in (or someone planted) carries over into the session.
 */
export async function startSession(c: Context<AppEnv>, userId: string) {
  const config = c.get('config')
  const token = await createSession(c.get('db'), userId, {
    idleMinutes: config.SESSION_IDLE_MINUTES,
    absoluteHours: config.SESSION_ABSOLUTE_HOURS,
  })
  writeCookie(c, 'session', token, { maxAge: config.SESSION_ABSOLUTE_HOURS * 3600 })
  renewFormCookie(c)
}

export const authRoutes = new Hono<AppEnv>()
  .get('/login', async (c) => {
    if (c.get('user')) return c.redirect('/staff', 303)
    const notice = c.req.query('signed_out') ? 'You have signed out.' : undefined
    return renderPage(
      c,
      <LoginPage
        ctx={pageContext(c)}
        form={emptyForm({ next: safeNextPath(c.req.query('next')) ?? undefined })}
        notice={notice}
      />,
    )
  })
  .post('/login', async (c) => {
    const parsed = await parseForm(c, loginSchema)
    if (!parsed.ok) {
      delete parsed.form.values.password
      return renderPage(c, <LoginPage ctx={pageContext(c)} form={parsed.form} />, 422)
    }
    const input = parsed.data
    const result = await attemptLogin(c.get('db'), input.email, input.password, {
      clientAddress: c.get('clientAddress'),
    })
    const values = { email: input.email, next: input.next }
    const refuse = (message: string, status: 401 | 403 | 429) =>
      renderPage(c, <LoginPage ctx={pageContext(c)} form={{ values, errors: { email: message } }} />, status)
    switch (result.outcome) {
      case 'invalid':
        return refuse('The email address or password is not right', 401)
      case 'paused':
        c.header('Retry-After', String(Math.max(1, Math.ceil((result.until.getTime() - Date.now()) / 1000))))
        return refuse(
          `Too many failed sign-in attempts. For safety, signing in with this email from this network is paused until ${formatTime(result.until)} (Lesotho time). Try again then, or ask a system administrator to reset your password.`,
          429,
        )
      case 'inactive':
        return refuse(
          'This account has been deactivated. Ask a system administrator if you need access.',
          403,
        )
      case 'ok': {
        await startSession(c, result.user.id)
        if (result.user.must_change_password) return c.redirect('/account/password', 303)
        return c.redirect(input.next ?? '/staff', 303)
      }
    }
  })
  .post('/logout', async (c) => {
    const token = readCookie(c, 'session')
    const user = c.get('user')
    if (token) {
      await c
        .get('db')
        .transaction()
        .execute(async (trx) => {
          await deleteSession(trx, token)
          if (user)
            await writeAudit(trx, actorOf(c), {
              action: 'user.signed_out',
              entity: 'user',
              entityId: user.id,
            })
        })
    }
    removeCookie(c, 'session')
    renewFormCookie(c)
    return c.redirect('/login?signed_out=1', 303)
  })
  .get('/account/password', requireRole(...ALL_STAFF), (c) => {
    const required = c.get('user')!.mustChangePassword
    return renderPage(c, <PasswordChangePage ctx={pageContext(c)} form={emptyForm()} required={required} />)
  })
  .post('/account/password', requireRole(...ALL_STAFF), async (c) => {
    const sessionUser = c.get('user')!
    const showForm = (form: FormState) =>
      renderPage(
        c,
        <PasswordChangePage ctx={pageContext(c)} form={form} required={sessionUser.mustChangePassword} />,
        422,
      )
    const parsed = await parseForm(c, passwordChangeSchema)
    // Passwords are never sent back to the browser.
    if (!parsed.ok) return showForm({ values: {}, errors: parsed.form.errors })
    const input = parsed.data
    const db = c.get('db')
    const user = await findUserById(db, sessionUser.id)
    if (!user || !(await verifyPassword(input.current_password, user.password_hash)))
      return showForm({ values: {}, errors: { current_password: 'Your current password is not right' } })
    const weak = passwordProblem(input.new_password, { email: user.email, name: user.name })
    if (weak) return showForm({ values: {}, errors: { new_password: weak } })
    const passwordHash = await hashPassword(input.new_password)
    await db.transaction().execute(async (trx) => {
      await trx
        .updateTable('users')
        .set((eb) => ({
          password_hash: passwordHash,
          must_change_password: false,
          version: eb('version', '+', 1),
          updated_at: new Date(),
        }))
        .where('id', '=', user.id)
        .execute()
      // A new password ends every other session, wherever it was opened.
      await deleteSessionsOfUser(trx, user.id)
      await writeAudit(trx, actorOf(c), {
        action: 'user.password_changed',
        entity: 'user',
        entityId: user.id,
      })
    })
    await startSession(c, user.id)
    return c.redirect('/staff?password_changed=1', 303)
  })
