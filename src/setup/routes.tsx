import { Hono } from 'hono'
import { SetupPage, SetupUnavailablePage } from '../../views/setup/setup.js'
import { writeAudit } from '../audit/audit.js'
import { actorFor, countUsers, findUserByEmail, insertUser, publicUserFields } from '../auth/accounts.js'
import { hashPassword } from '../auth/password.js'
import { startSession } from '../auth/routes.js'
import type { AppEnv } from '../http/env.js'
import { pageContext, renderPage } from '../http/render.js'
import { emptyForm, parseForm } from '../http/validation.js'
import { setupSchema } from './schemas.js'
import { isSetupTokenUsable, lockUsableSetupToken } from './setup-tokens.js'

// First run: the one-time link printed by the server creates the first administrator.
export const setupRoutes = new Hono<AppEnv>()
  .get('/setup', async (c) => {
    const token = c.req.query('token') ?? ''
    const db = c.get('db')
    if (!token || !(await isSetupTokenUsable(db, token)) || (await countUsers(db)) > 0) {
      return renderPage(c, <SetupUnavailablePage ctx={pageContext(c)} />, 404)
    }
    return renderPage(c, <SetupPage ctx={pageContext(c)} form={emptyForm({ token })} />)
  })
  .post('/setup', async (c) => {
    const parsed = await parseForm(c, setupSchema)
    if (!parsed.ok) {
      delete parsed.form.values.password
      delete parsed.form.values.confirm_password
      return renderPage(c, <SetupPage ctx={pageContext(c)} form={parsed.form} />, 422)
    }
    const input = parsed.data
    const db = c.get('db')
    // The link is checked before the password is hashed: a used or made-up link costs nothing.
    if (!(await isSetupTokenUsable(db, input.token)) || (await countUsers(db)) > 0)
      return renderPage(c, <SetupUnavailablePage ctx={pageContext(c)} />, 409)
    const passwordHash = await hashPassword(input.password)
    const admin = await db.transaction().execute(async (trx) => {
      // The token row lock makes two submits of the same link create one account.
      const token = await lockUsableSetupToken(trx, input.token)
      if (!token || (await countUsers(trx)) > 0 || (await findUserByEmail(trx, input.email))) return null
      const user = await insertUser(trx, {
        email: input.email,
        name: input.name,
        role: 'admin',
        homeDistrict: input.home_district,
        passwordHash,
        mustChangePassword: false,
      })
      await trx
        .updateTable('setup_tokens')
        .set({ used_at: new Date() })
        .where('token_hash', '=', token.token_hash)
        .execute()
      await writeAudit(trx, actorFor(user, { clientAddress: c.get('clientAddress') }), {
        action: 'user.created_by_setup',
        entity: 'user',
        entityId: user.id,
        after: publicUserFields(user),
      })
      return user
    })
    if (!admin) return renderPage(c, <SetupUnavailablePage ctx={pageContext(c)} />, 409)
    await startSession(c, admin.id)
    return c.redirect('/staff?welcome=1', 303)
  })
