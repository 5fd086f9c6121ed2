import type { Context } from 'hono'
import { Hono } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import { LoginPage } from '../../views/auth/login.js'
import { PasswordChangePage } from '../../views/auth/password.js'
import { writeAudit } from '../audit/audit.js'
import { servesHttps } from '../config.js'
import { formatTime } from '../format.js'
import type { AppEnv } from '../http/env.js'
import { pageContext, renderPage } from '../http/render.js'
import { emptyForm, formValidator } from '../http/validation.js'
import { attemptLogin, createSession, deleteSession, deleteSessionsOfUser, findUserById } from './accounts.js'
import { ALL_STAFF, actorOf, requireRole, SESSION_COOKIE } from './guard.js'
import { hashPassword, verifyPassword } from './password.js'
import { loginSchema, passwordChangeSchema, safeNextPath } from './schemas.js'

/** Signs the user in on this browser: a new session and its cookie. */
export async function startSession(c: Context<AppEnv>, userId: string) {
  const config = c.get('config')
  const token = await createSession(c.get('db'), userId, {
    idleMinutes: config.SESSION_IDLE_MINUTES,
    absoluteHours: config.SESSION_ABSOLUTE_HOURS,
  })
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: servesHttps(config),
    path: '/',
    maxAge: config.SESSION_ABSOLUTE_HOURS * 3600,
  })
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
  .post(
    '/login',
    formValidator(loginSchema, (c, form) =>
      renderPage(c, <LoginPage ctx={pageContext(c)} form={form} />, 422),
    ),
    async (c) => {
      const input = c.req.valid('form')
      const result = await attemptLogin(c.get('db'), input.email, input.password, {
        clientAddress: c.get('clientAddress'),
      })
      const values = { email: input.email, next: input.next }
      const refuse = (message: string, status: 401 | 403 | 429) =>
        renderPage(
          c,
          <LoginPage ctx={pageContext(c)} form={{ values, errors: { email: message } }} />,
          status,
        )
      switch (result.outcome) {
        case 'invalid':
          return refuse('The email address or password is not right', 401)
        case 'locked':
          return refuse(
            `This account is locked for 15 minutes after 5 failed sign-in attempts. Try again after ${formatTime(result.until)}, or ask a system administrator.`,
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
          return c.redirect(safeNextPath(input.next) ?? '/staff', 303)
        }
      }
    },
  )
  .post('/logout', async (c) => {
    const token = getCookie(c, SESSION_COOKIE)
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
    deleteCookie(c, SESSION_COOKIE, { path: '/' })
    return c.redirect('/login?signed_out=1', 303)
  })
  .get('/account/password', requireRole(...ALL_STAFF), (c) => {
    const required = c.get('user')!.mustChangePassword
    return renderPage(c, <PasswordChangePage ctx={pageContext(c)} form={emptyForm()} required={required} />)
  })
  .post(
    '/account/password',
    requireRole(...ALL_STAFF),
    formValidator(passwordChangeSchema, (c, form) =>
      renderPage(
        c,
        <PasswordChangePage ctx={pageContext(c)} form={form} required={c.get('user')!.mustChangePassword} />,
        422,
      ),
    ),
    async (c) => {
      const input = c.req.valid('form')
      const sessionUser = c.get('user')!
      const db = c.get('db')
      const user = await findUserById(db, sessionUser.id)
      if (!user || !(await verifyPassword(input.current_password, user.password_hash))) {
        const form = { values: {}, errors: { current_password: 'Your current password is not right' } }
        return renderPage(
          c,
          <PasswordChangePage ctx={pageContext(c)} form={form} required={sessionUser.mustChangePassword} />,
          422,
        )
      }
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
    },
  )
