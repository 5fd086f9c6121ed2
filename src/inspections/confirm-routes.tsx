import { type Context, Hono } from 'hono'
import { z } from 'zod'
import { ConfirmPage } from '../../views/inspections/confirm-page.js'
import { conflictPage } from '../audit/conflict.js'
import { checkPassword } from '../auth/accounts.js'
import { actorOf, requireRole } from '../auth/guard.js'
import { emailField } from '../auth/schemas.js'
import { recordSignInSuccess } from '../auth/sign-in-throttle.js'
import { formatTime } from '../format.js'
import type { AppEnv } from '../http/env.js'
import { blankToUndefined, versionField } from '../http/fields.js'
import { PageError } from '../http/problems.js'
import { pageContext, renderPage } from '../http/render.js'
import { emptyForm, type FormState, paramOr404, parseForm } from '../http/validation.js'
import { INSPECTION_WRITERS } from './access.js'
import { confirmationRefusal, confirmingService, serviceOf, teamFor } from './confirmation-rules.js'
import { confirmInspection, recordSideOf } from './confirmations.js'
import { loadDetails } from './load-details.js'

// "Confirmed by both services": the officer of the other service on the team confirms a
// submitted record, on their own account or with their password on the recording device.

const writers = requireRole(...INSPECTION_WRITERS)
const idValidator = paramOr404(z.object({ id: z.uuid() }), 'There is no inspection at this address.')

const confirmSchema = z.object({
  version: versionField,
  email: z.preprocess(blankToUndefined, emailField.optional()),
  password: z.preprocess(
    blankToUndefined,
    z.string().max(256, 'Password must be 256 characters or fewer').optional(),
  ),
})

/** The page for one record, as the person signed in here may confirm it (or why not). */
async function confirmPage(
  c: Context<AppEnv>,
  id: string,
  form: FormState,
  status: 200 | 401 | 403 | 422 | 429,
) {
  const details = await loadDetails(c, id)
  const { inspection } = details
  const side = await recordSideOf(c.get('db'), id)
  const confirming = side ? confirmingService(side.role) : null
  if (!side || !confirming) {
    throw new PageError(
      409,
      'This record was submitted by neither a labour inspector nor a police officer, so it cannot be confirmed by both services.',
    )
  }
  const user = c.get('user')!
  const closed =
    inspection.status !== 'submitted'
      ? 'Only a submitted record can be confirmed: submit it first.'
      : inspection.confirmed_version === inspection.version
        ? 'This record has already been confirmed by both services, as it now stands.'
        : teamFor(side.role, inspection).length === 0
          ? confirming === 'police'
            ? 'No police officer is recorded on this inspection’s team, so it cannot be confirmed as a joint operation. If police were there, amend the record to name them first.'
            : 'No labour inspector is recorded as leading this inspection. Amend the record to name them first.'
          : undefined
  return renderPage(
    c,
    <ConfirmPage
      ctx={pageContext(c)}
      details={details}
      form={form}
      record={{ name: side.name, service: serviceOf(side.role)! }}
      confirming={confirming}
      ownAccount={serviceOf(user.role) === confirming}
      closed={closed}
    />,
    status,
  )
}

export const confirmRoutes = new Hono<AppEnv>()
  .get('/inspections/:id/confirm', writers, idValidator, (c) =>
    confirmPage(c, c.req.valid('param').id, emptyForm(), 200),
  )
  .post('/inspections/:id/confirm', writers, idValidator, async (c) => {
    const id = c.req.valid('param').id
    const parsed = await parseForm(c, confirmSchema)
    if (!parsed.ok) return confirmPage(c, id, parsed.form, 422)
    const input = parsed.data
    const db = c.get('db')
    const user = c.get('user')!
    const actor = actorOf(c)
    const clientAddress = c.get('clientAddress')
    const values = { email: input.email ?? '' }
    const refuse = (field: string, message: string, status: 401 | 403 | 422 | 429) =>
      confirmPage(c, id, { values, errors: { [field]: message } }, status)

    const [side, details] = await Promise.all([recordSideOf(db, id), loadDetails(c, id)])
    const needed = side ? confirmingService(side.role) : null
    const onOwnAccount = needed !== null && serviceOf(user.role) === needed && !input.email
    let confirmer = await db
      .selectFrom('users')
      .select(['id', 'name', 'email', 'role', 'active'])
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow()
    if (!onOwnAccount) {
      if (!input.email) return refuse('email', 'Enter the email address of the officer confirming', 422)
      if (!input.password) return refuse('password', 'Enter the password of the officer confirming', 422)
      // The sign-in throttle counts these attempts as it counts sign-ins: a guessed password here
      // pauses the account here as it would on the sign-in page.
      const checked = await checkPassword(db, input.email, input.password, { clientAddress })
      if (checked.outcome === 'invalid')
        return refuse('email', 'The email address or password is not right', 401)
      if (checked.outcome === 'paused') {
        c.header('Retry-After', String(Math.max(1, Math.ceil((checked.until.getTime() - Date.now()) / 1000))))
        return refuse(
          'email',
          `Too many failed attempts with this email from this network: signing in and confirming with it are paused until ${formatTime(checked.until)} (Lesotho time), as after wrong passwords on the sign-in page. An administrator can reset the password.`,
          429,
        )
      }
      if (checked.outcome === 'inactive') return refuse('email', 'This account has been deactivated.', 403)
      // A one-time password was given by an administrator: it is not yet the officer's own.
      if (checked.user.must_change_password)
        return refuse(
          'email',
          'This account still has the one-time password an administrator gave: the officer signs in and chooses their own first.',
          422,
        )
      confirmer = checked.user
      if (side) {
        const refusal = confirmationRefusal({
          status: 'submitted',
          recordRole: side.role,
          confirmed: false,
          confirmerRole: confirmer.role,
          confirmerActive: confirmer.active,
          confirmerName: confirmer.name,
          team: teamFor(side.role, details.inspection),
        })
        if (refusal) return refuse('email', refusal, 422)
      }
    }
    const onDevice = confirmer.id !== user.id
    const result = await db.transaction().execute(async (trx) => {
      const done = await confirmInspection(trx, {
        inspectionId: id,
        version: input.version,
        confirmer,
        onDeviceOf: onDevice ? actor : null,
        clientAddress,
      })
      if ('confirmed' in done && onDevice && input.email)
        await recordSignInSuccess(trx, input.email, clientAddress, new Date())
      return done
    })
    if ('confirmed' in result) return c.redirect(`/inspections/${id}?done=confirmed`, 303)
    if ('refused' in result) return refuse(onDevice ? 'email' : 'version', result.refused, 422)
    return conflictPage(c, {
      what: 'inspection',
      entity: 'inspection',
      entityId: id,
      backHref: `/inspections/${id}`,
      refusal:
        'already' in result
          ? 'This record has already been confirmed by both services, as it now stands.'
          : undefined,
    })
  })
