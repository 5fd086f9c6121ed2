import { type Context, Hono } from 'hono'
import { NewUserPage, TemporaryPasswordPage } from '../../views/admin/user-forms.js'
import {
  ConfirmDeactivatePage,
  ConfirmResetPage,
  type UserDetails,
  UserPage,
} from '../../views/admin/user-page.js'
import { UsersListPage, UsersResults } from '../../views/admin/users-list.js'
import { writeAudit } from '../audit/audit.js'
import { conflictPage } from '../audit/conflict.js'
import { findUserByEmail, findUserById, insertUser, publicUserFields } from '../auth/accounts.js'
import { actorOf, requireRole } from '../auth/guard.js'
import { generateTemporaryPassword, hashPassword } from '../auth/password.js'
import { accountPausedUntil } from '../auth/sign-in-throttle.js'
import type { Database } from '../db/database.js'
import { isUniqueViolation } from '../db/errors.js'
import type { User } from '../db/types.js'
import type { AppEnv } from '../http/env.js'
import { PageError } from '../http/problems.js'
import { pageContext, renderPage, renderPageOrPartial } from '../http/render.js'
import {
  emptyForm,
  type FormState,
  fieldErrors,
  paramOr404,
  parseForm,
  typedValues,
} from '../http/validation.js'
import { ROLE_LABELS } from '../vocabulary.js'
import {
  deactivateSchema,
  newUserSchema,
  roleChangeSchema,
  userFiltersSchema,
  userIdParam,
  versionOnlySchema,
} from './schemas.js'
import { changeUserAtVersion, listUsers, USERS_PER_PAGE } from './users.js'

const adminOnly = requireRole('admin')
const idParam = paramOr404(userIdParam, 'There is no user at this address.')

async function details(db: Database, user: User): Promise<UserDetails> {
  return {
    ...publicUserFields(user),
    created_at: user.created_at,
    last_login_at: user.last_login_at,
    paused_until: await accountPausedUntil(db, user.email, new Date()),
  }
}

async function loadUser(db: Database, id: string): Promise<User> {
  const user = await findUserById(db, id)
  if (!user) throw new PageError(404, 'There is no user at this address.')
  return user
}

async function conflict(c: Context<AppEnv>, id: string) {
  const user = await loadUser(c.get('db'), id)
  return conflictPage(c, {
    what: 'account',
    entity: 'user',
    entityId: id,
    backHref: `/admin/users/${id}`,
    detail: `The account now: role ${ROLE_LABELS[user.role]}, ${user.active ? 'active' : 'deactivated'}.`,
  })
}

function refuseSelf(c: Context<AppEnv>, id: string, what: string) {
  if (c.get('user')?.id === id)
    throw new PageError(403, `You cannot ${what} your own account. Ask another administrator.`)
}

const NOTICES: Record<string, string> = {
  role: 'The role has been changed.',
  deactivated: 'The account has been deactivated and its sessions ended.',
  reactivated: 'The account has been reactivated.',
}

const emailTaken = (values: FormState['values']): FormState => ({
  values,
  errors: { email: 'A user with this email address already exists' },
})

export const adminRoutes = new Hono<AppEnv>()
  .get('/admin/users', adminOnly, async (c) => {
    const raw = c.req.query()
    const parsed = userFiltersSchema.safeParse(raw)
    const filters = parsed.success ? parsed.data : { page: 1 }
    const form = { values: typedValues(raw), errors: parsed.success ? {} : fieldErrors(parsed.error) }
    delete form.values.page
    const { rows, total } = await listUsers(c.get('db'), filters)
    const paging = { page: filters.page, perPage: USERS_PER_PAGE, total }
    const now = new Date()
    const status = parsed.success ? 200 : 422
    return renderPageOrPartial(
      c,
      <UsersListPage ctx={pageContext(c)} rows={rows} paging={paging} filters={form} now={now} />,
      <UsersResults rows={rows} paging={paging} filters={form} now={now} />,
      status,
    )
  })
  .get('/admin/users/new', adminOnly, (c) =>
    renderPage(c, <NewUserPage ctx={pageContext(c)} form={emptyForm()} />),
  )
  .post('/admin/users', adminOnly, async (c) => {
    const parsed = await parseForm(c, newUserSchema)
    if (!parsed.ok) return renderPage(c, <NewUserPage ctx={pageContext(c)} form={parsed.form} />, 422)
    const input = parsed.data
    const password = generateTemporaryPassword()
    const passwordHash = await hashPassword(password)
    const db = c.get('db')
    let created: User | null
    try {
      created = await db.transaction().execute(async (trx) => {
        if (await findUserByEmail(trx, input.email)) return null
        const user = await insertUser(trx, {
          email: input.email,
          name: input.name,
          role: input.role,
          homeDistrict: input.home_district,
          passwordHash,
          mustChangePassword: true,
        })
        await writeAudit(trx, actorOf(c), {
          action: 'user.created',
          entity: 'user',
          entityId: user.id,
          after: publicUserFields(user),
        })
        return user
      })
    } catch (error) {
      // Two administrators creating the same account at once: the second finds it taken.
      if (!isUniqueViolation(error, 'users_email_key')) throw error
      created = null
    }
    if (!created)
      return renderPage(c, <NewUserPage ctx={pageContext(c)} form={emailTaken(typedValues(input))} />, 422)
    return renderPage(
      c,
      <TemporaryPasswordPage
        ctx={pageContext(c)}
        title={`User created: ${created.name}`}
        userId={created.id}
        userName={created.name}
        email={created.email}
        password={password}
      />,
      201,
    )
  })
  .get('/admin/users/:id', adminOnly, idParam, async (c) => {
    const db = c.get('db')
    const user = await loadUser(db, c.req.valid('param').id)
    const key = Object.keys(NOTICES).find((k) => c.req.query('done') === k)
    return renderPage(
      c,
      <UserPage
        ctx={pageContext(c)}
        user={await details(db, user)}
        roleForm={emptyForm({ role: user.role })}
        notice={key ? NOTICES[key] : undefined}
        now={new Date()}
      />,
    )
  })
  .post('/admin/users/:id/role', adminOnly, idParam, async (c) => {
    const { id } = c.req.valid('param')
    const db = c.get('db')
    const user = await loadUser(db, id)
    refuseSelf(c, id, 'change the role of')
    const parsed = await parseForm(c, roleChangeSchema)
    if (!parsed.ok)
      return renderPage(
        c,
        <UserPage
          ctx={pageContext(c)}
          user={await details(db, user)}
          roleForm={parsed.form}
          now={new Date()}
        />,
        422,
      )
    // A new role takes effect at once: the sessions opened under the old one end.
    const updated = await changeUserAtVersion(db, actorOf(c), {
      id,
      version: parsed.data.version,
      changes: { role: parsed.data.role },
      action: 'user.role_changed',
      endSessions: true,
    })
    if (!updated) return conflict(c, id)
    return c.redirect(`/admin/users/${id}?done=role`, 303)
  })
  .get('/admin/users/:id/deactivate', adminOnly, idParam, async (c) => {
    const { id } = c.req.valid('param')
    refuseSelf(c, id, 'deactivate')
    const db = c.get('db')
    const user = await loadUser(db, id)
    return renderPage(
      c,
      <ConfirmDeactivatePage ctx={pageContext(c)} user={await details(db, user)} form={emptyForm()} />,
    )
  })
  .post('/admin/users/:id/deactivate', adminOnly, idParam, async (c) => {
    const { id } = c.req.valid('param')
    const db = c.get('db')
    const user = await loadUser(db, id)
    refuseSelf(c, id, 'deactivate')
    const parsed = await parseForm(c, deactivateSchema)
    if (!parsed.ok)
      return renderPage(
        c,
        <ConfirmDeactivatePage ctx={pageContext(c)} user={await details(db, user)} form={parsed.form} />,
        422,
      )
    const updated = await changeUserAtVersion(db, actorOf(c), {
      id,
      version: parsed.data.version,
      changes: { active: false },
      action: 'user.deactivated',
      endSessions: true,
      note: { reason: parsed.data.reason },
    })
    if (!updated) return conflict(c, id)
    return c.redirect(`/admin/users/${id}?done=deactivated`, 303)
  })
  .post('/admin/users/:id/reactivate', adminOnly, idParam, async (c) => {
    const { id } = c.req.valid('param')
    const db = c.get('db')
    await loadUser(db, id)
    const parsed = await parseForm(c, versionOnlySchema)
    // Only a damaged or out-of-date page sends no usable version.
    if (!parsed.ok) return conflict(c, id)
    const updated = await changeUserAtVersion(db, actorOf(c), {
      id,
      version: parsed.data.version,
      changes: { active: true },
      action: 'user.reactivated',
      endSessions: false,
      clearSignInPauses: true,
    })
    if (!updated) return conflict(c, id)
    return c.redirect(`/admin/users/${id}?done=reactivated`, 303)
  })
  .get('/admin/users/:id/reset-password', adminOnly, idParam, async (c) => {
    refuseSelf(c, c.req.valid('param').id, 'reset the password of')
    const db = c.get('db')
    const user = await loadUser(db, c.req.valid('param').id)
    return renderPage(c, <ConfirmResetPage ctx={pageContext(c)} user={await details(db, user)} />)
  })
  .post('/admin/users/:id/reset-password', adminOnly, idParam, async (c) => {
    const { id } = c.req.valid('param')
    const db = c.get('db')
    await loadUser(db, id)
    refuseSelf(c, id, 'reset the password of')
    const parsed = await parseForm(c, versionOnlySchema)
    if (!parsed.ok) return conflict(c, id)
    const password = generateTemporaryPassword()
    const updated = await changeUserAtVersion(db, actorOf(c), {
      id,
      version: parsed.data.version,
      changes: { password_hash: await hashPassword(password), must_change_password: true },
      action: 'user.password_reset',
      endSessions: true,
      clearSignInPauses: true,
    })
    if (!updated) return conflict(c, id)
    return renderPage(
      c,
      <TemporaryPasswordPage
        ctx={pageContext(c)}
        title={`Password reset: ${updated.name}`}
        userId={updated.id}
        userName={updated.name}
        email={updated.email}
        password={password}
      />,
    )
  })
