import { type Context, Hono } from 'hono'
import QRCode from 'qrcode'
import { AgencyPage } from '../../views/agencies/agency-page.js'
import {
  ApplicationPage,
  ConfirmDecisionPage,
  NewApplicationPage,
} from '../../views/licensing/application-pages.js'
import { CertificatePage } from '../../views/licensing/certificate.js'
import { LicensingDashboardPage } from '../../views/licensing/dashboard.js'
import { LicenceActionPage } from '../../views/licensing/licence-action.js'
import { QueuePage, QueueResults } from '../../views/licensing/queue.js'
import { agencyDetails, phoenixLinksOf } from '../agencies/queries.js'
import { agencyIdValidator } from '../agencies/routes.js'
import { conflictPage } from '../audit/conflict.js'
import { actorOf, requireRole } from '../auth/guard.js'
import { agenciesWithConvictions } from '../cases/consequences.js'
import { flagsForAgencies } from '../complaints/flags.js'
import { agenciesForReview } from '../complaints/queries.js'
import { demeritWindowStart, REVIEW_POINTS } from '../complaints/rules.js'
import { isUniqueViolation } from '../db/errors.js'
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
import { todayInLesotho } from '../time.js'
import { canReadIdNumbers, canWriteLicensing, LICENSING_READERS, LICENSING_WRITERS } from './access.js'
import { openItems } from './checklist.js'
import { applicationKindFor, type Decision, type PublicReason, standing } from './lifecycle.js'
import { openNotices } from './notices.js'
import {
  type ApplicationDetails,
  addCondition,
  applicationDetails,
  applicationQueue,
  applyLicenceAction,
  createApplication,
  type DecisionResult,
  decide,
  markConditionMet,
  QUEUE_PER_PAGE,
  renewalReminders,
  updateChecklist,
} from './queries.js'
import {
  applicationIdParam,
  applicationSchema,
  approveSchema,
  checklistSchema,
  conditionMetSchema,
  conditionParam,
  conditionSchema,
  licenceActionParam,
  licenceActionSchema,
  queueFiltersSchema,
  refuseSchema,
  suspendNowSchema,
  withdrawSchema,
} from './schemas.js'

const readers = requireRole(...LICENSING_READERS)
const writers = requireRole(...LICENSING_WRITERS)
const applicationIdValidator = paramOr404(applicationIdParam, 'There is no application at this address.')
const licenceActionValidator = paramOr404(licenceActionParam)
const conditionParamValidator = paramOr404(conditionParam)

async function loadApplication(c: Context<AppEnv>, id: string) {
  const application = await applicationDetails(c.get('db'), id)
  if (!application) throw new PageError(404, 'There is no application at this address.')
  return application
}

async function loadAgencyWithLicence(c: Context<AppEnv>, id: string) {
  const details = await agencyDetails(c.get('db'), id)
  if (!details) throw new PageError(404, 'There is no agency at this address.')
  return details
}

/** After a decision: the application page, or the 409/422 that explains why nothing happened. */
async function afterDecision(
  c: Context<AppEnv>,
  applicationId: string,
  result: DecisionResult,
  notice: string,
) {
  if (result.ok) return c.redirect(`/applications/${applicationId}?done=${notice}`, 303)
  return conflictPage(c, {
    what: 'application',
    entity: 'licence_application',
    entityId: applicationId,
    backHref: `/applications/${applicationId}`,
    refusal: result.conflict ? undefined : result.reason,
  })
}

const DECISION_DONE = { approve: 'approved', refuse: 'refused', withdraw: 'withdrawn' } as const

/** Takes a decision at the version the officer saw, then shows what happened. */
async function decideAndShow(
  c: Context<AppEnv>,
  id: string,
  decision: Decision,
  input: { version: number; reason?: string },
) {
  await loadApplication(c, id)
  const months = c.get('config').LICENCE_VALIDITY_MONTHS
  const result = await c
    .get('db')
    .transaction()
    .execute((trx) =>
      decide(trx, actorOf(c), { applicationId: id, decision, ...input }, todayInLesotho(), months),
    )
  return afterDecision(c, id, result, DECISION_DONE[decision])
}

/** Refuse or withdraw: the confirmation's reason checked (422 with the page again), then decided. */
async function decideWithReason(c: Context<AppEnv>, id: string, decision: 'refuse' | 'withdraw') {
  const application = await loadApplication(c, id)
  const parsed = await parseForm(c, decision === 'refuse' ? refuseSchema : withdrawSchema)
  if (!parsed.ok)
    return renderPage(
      c,
      <ConfirmDecisionPage
        ctx={pageContext(c)}
        application={application}
        decision={decision}
        form={parsed.form}
      />,
      422,
    )
  return decideAndShow(c, id, decision, parsed.data)
}

/** The application page, with what the licensing office must weigh (phoenix links) and any refused form. */
async function showApplication(
  c: Context<AppEnv>,
  application: ApplicationDetails,
  extra: { notice?: string; approveForm?: FormState; checklistForm?: FormState; status?: 200 | 422 } = {},
) {
  const phoenix = await phoenixLinksOf(c.get('db'), application.agency_id, canReadIdNumbers(c.get('user')))
  return renderPage(
    c,
    <ApplicationPage
      ctx={pageContext(c)}
      application={application}
      canWrite={canWriteLicensing(c.get('user'))}
      phoenix={phoenix}
      notice={extra.notice}
      approveForm={extra.approveForm}
      checklistForm={extra.checklistForm}
    />,
    extra.status ?? 200,
  )
}

const applicationConflict = (c: Context<AppEnv>, id: string) =>
  conflictPage(c, {
    what: 'application',
    entity: 'licence_application',
    entityId: id,
    backHref: `/applications/${id}`,
  })

const DECISION_NOTICES: Record<string, string> = {
  submitted: 'The application has been recorded. It is now in the queue awaiting decision.',
  checklist: 'The checklist has been updated.',
  approved: 'The application has been approved.',
  refused: 'The application has been refused.',
  withdrawn: 'The withdrawal has been recorded.',
}

async function renderAgencyWithConditionErrors(c: Context<AppEnv>, agencyId: string, form: FormState) {
  const details = await loadAgencyWithLicence(c, agencyId)
  return renderPage(
    c,
    <AgencyPage
      ctx={pageContext(c)}
      details={details}
      today={todayInLesotho()}
      canWrite
      conditionForm={form}
    />,
    422,
  )
}

export const licensingRoutes = new Hono<AppEnv>()
  .get('/licensing', readers, async (c) => {
    const today = todayInLesotho()
    const db = c.get('db')
    const [reminders, queue, forReview, notices, convicted] = await Promise.all([
      renewalReminders(db, today),
      applicationQueue(db, { page: 1 }),
      agenciesForReview(db, demeritWindowStart(today), REVIEW_POINTS),
      openNotices(db),
      agenciesWithConvictions(db),
    ])
    return renderPage(
      c,
      <LicensingDashboardPage
        ctx={pageContext(c)}
        reminders={reminders}
        waiting={queue.total}
        today={today}
        forReview={forReview.map((r) => ({ ...r, points: Number(r.points) }))}
        notices={notices}
        convicted={convicted}
      />,
    )
  })
  .get('/applications', readers, async (c) => {
    const raw = c.req.query()
    const parsed = queueFiltersSchema.safeParse(raw)
    const filters = parsed.success ? parsed.data : { page: 1 }
    const form = { values: typedValues(raw), errors: parsed.success ? {} : fieldErrors(parsed.error) }
    delete form.values.page
    const { rows, total } = await applicationQueue(c.get('db'), filters)
    const paging = { page: filters.page, perPage: QUEUE_PER_PAGE, total }
    const today = todayInLesotho()
    // An applicant's complaints and points weigh in the decision: shown beside each application.
    const flags = await flagsForAgencies(
      c.get('db'),
      rows.map((r) => r.agency_id),
      today,
      { withOpenComplaints: true },
    )
    const results = { rows, flags, paging, filters: form, today }
    return renderPageOrPartial(
      c,
      <QueuePage ctx={pageContext(c)} {...results} />,
      <QueueResults {...results} />,
      parsed.success ? 200 : 422,
    )
  })
  .get('/agencies/:id/applications/new', writers, agencyIdValidator, async (c) => {
    const details = await loadAgencyWithLicence(c, c.req.valid('param').id)
    const next = applicationKindFor(details.licence)
    if (!next.ok) throw new PageError(409, next.reason)
    return renderPage(
      c,
      <NewApplicationPage ctx={pageContext(c)} agency={details.agency} kind={next.kind} form={emptyForm()} />,
    )
  })
  .post('/agencies/:id/applications', writers, agencyIdValidator, async (c) => {
    const { id } = c.req.valid('param')
    const db = c.get('db')
    const details = await loadAgencyWithLicence(c, id)
    const next = applicationKindFor(details.licence)
    if (!next.ok) throw new PageError(409, next.reason)
    const parsed = await parseForm(c, applicationSchema)
    if (!parsed.ok)
      return renderPage(
        c,
        <NewApplicationPage
          ctx={pageContext(c)}
          agency={details.agency}
          kind={next.kind}
          form={parsed.form}
        />,
        422,
      )
    const checklist = parsed.data
    try {
      const application = await db
        .transaction()
        .execute((trx) => createApplication(trx, actorOf(c), id, next.kind, checklist))
      return c.redirect(`/applications/${application.id}?done=submitted`, 303)
    } catch (error) {
      // One application awaits decision per agency: a second submit finds the first.
      if (!isUniqueViolation(error, 'licence_applications_one_pending_idx')) throw error
      const pending = await db
        .selectFrom('licence_applications')
        .select('id')
        .where('agency_id', '=', id)
        .where('status', '=', 'submitted')
        .executeTakeFirstOrThrow()
      return c.redirect(`/applications/${pending.id}`, 303)
    }
  })
  .get('/applications/:id', readers, applicationIdValidator, async (c) => {
    const application = await loadApplication(c, c.req.valid('param').id)
    const done = c.req.query('done')
    return showApplication(c, application, { notice: done ? DECISION_NOTICES[done] : undefined })
  })
  .post('/applications/:id/approve', writers, applicationIdValidator, async (c) => {
    const { id } = c.req.valid('param')
    const application = await loadApplication(c, id)
    const parsed = await parseForm(c, approveSchema)
    // Only a damaged or out-of-date page sends no usable version.
    if (!parsed.ok) return applicationConflict(c, id)
    // Checks not done: approved only when the officer said so, on the page that named them.
    const open = openItems(application)
    if (open.length > 0 && !parsed.data.open_items_confirmed && parsed.data.version === application.version)
      return showApplication(c, application, {
        approveForm: {
          values: {},
          errors: {
            open_items_confirmed: `Tick to approve although these checks are not done: ${open.map((i) => i.label).join('; ')}`,
          },
        },
        status: 422,
      })
    return decideAndShow(c, id, 'approve', parsed.data)
  })
  .post('/applications/:id/checklist', writers, applicationIdValidator, async (c) => {
    const { id } = c.req.valid('param')
    const application = await loadApplication(c, id)
    const parsed = await parseForm(c, checklistSchema)
    if (!parsed.ok) {
      if (parsed.form.errors.version) return applicationConflict(c, id)
      return showApplication(c, application, { checklistForm: parsed.form, status: 422 })
    }
    const { version, ...checklist } = parsed.data
    const saved = await c
      .get('db')
      .transaction()
      .execute((trx) => updateChecklist(trx, actorOf(c), id, version, checklist))
    if (!saved) return applicationConflict(c, id)
    return c.redirect(`/applications/${id}?done=checklist`, 303)
  })
  .get('/applications/:id/:decision{refuse|withdraw}', writers, applicationIdValidator, async (c) => {
    const application = await loadApplication(c, c.req.valid('param').id)
    const decision = c.req.param('decision') as 'refuse' | 'withdraw'
    return renderPage(
      c,
      <ConfirmDecisionPage
        ctx={pageContext(c)}
        application={application}
        decision={decision}
        form={emptyForm()}
      />,
    )
  })
  .post('/applications/:id/refuse', writers, applicationIdValidator, (c) =>
    decideWithReason(c, c.req.valid('param').id, 'refuse'),
  )
  .post('/applications/:id/withdraw', writers, applicationIdValidator, (c) =>
    decideWithReason(c, c.req.valid('param').id, 'withdraw'),
  )
  .get('/agencies/:id/licence/:action', writers, licenceActionValidator, async (c) => {
    const { id, action } = c.req.valid('param')
    const details = await loadAgencyWithLicence(c, id)
    if (!details.licence) throw new PageError(404, 'This agency has no licence.')
    return renderPage(
      c,
      <LicenceActionPage
        ctx={pageContext(c)}
        action={action}
        agency={details.agency}
        licence={details.licence}
        form={emptyForm()}
      />,
    )
  })
  .post('/agencies/:id/licence/:action', writers, licenceActionValidator, async (c) => {
    const { id, action } = c.req.valid('param')
    const details = await loadAgencyWithLicence(c, id)
    const licence = details.licence
    if (!licence) throw new PageError(404, 'This agency has no licence.')
    const parsed = await parseForm(c, action === 'suspend' ? suspendNowSchema : licenceActionSchema)
    const tooSoon =
      parsed.ok &&
      action === 'suspend' &&
      parsed.data.suspended_until !== undefined &&
      parsed.data.suspended_until <= todayInLesotho()
    if (!parsed.ok || tooSoon) {
      const form = parsed.ok
        ? {
            values: typedValues(parsed.body),
            errors: { suspended_until: 'The end of the suspension must be after today' },
          }
        : parsed.form
      return renderPage(
        c,
        <LicenceActionPage
          ctx={pageContext(c)}
          action={action}
          agency={details.agency}
          licence={licence}
          form={form}
        />,
        422,
      )
    }
    const input = parsed.data
    const result = await c
      .get('db')
      .transaction()
      .execute((trx) =>
        applyLicenceAction(trx, actorOf(c), {
          licenceId: licence.id,
          version: input.version,
          action,
          reason: input.reason,
          suspendedUntil: input.suspended_until,
          // Suspending here is the immediate suspension of urgent cases; otherwise a notice comes first.
          publicReason: 'public_reason' in input ? (input.public_reason as PublicReason) : undefined,
          pendingInvestigation: action === 'suspend',
        }),
      )
    if (!result.ok)
      return conflictPage(c, {
        what: 'licence',
        entity: 'licence',
        entityId: licence.id,
        backHref: `/agencies/${id}`,
        refusal: result.conflict ? undefined : result.reason,
      })
    return c.redirect(`/agencies/${id}?done=licence_${action}`, 303)
  })
  .post('/agencies/:id/conditions', writers, agencyIdValidator, async (c) => {
    const { id } = c.req.valid('param')
    const details = await loadAgencyWithLicence(c, id)
    const parsed = await parseForm(c, conditionSchema)
    if (!parsed.ok) return renderAgencyWithConditionErrors(c, id, parsed.form)
    const input = parsed.data
    const licence = details.licence
    if (!licence || (licence.status !== 'active' && licence.status !== 'suspended')) {
      throw new PageError(409, 'Conditions can be added only to an active or suspended licence.')
    }
    if (input.due_on < todayInLesotho()) {
      return renderAgencyWithConditionErrors(c, id, {
        values: typedValues(input),
        errors: { due_on: 'The due date must be today or later' },
      })
    }
    await c
      .get('db')
      .transaction()
      .execute((trx) => addCondition(trx, actorOf(c), licence, input))
    return c.redirect(`/agencies/${id}?done=condition_added`, 303)
  })
  .post('/agencies/:id/conditions/:conditionId/met', writers, conditionParamValidator, async (c) => {
    const { id, conditionId } = c.req.valid('param')
    const db = c.get('db')
    const stale = () =>
      conflictPage(c, {
        what: 'condition',
        entity: 'licence_condition',
        entityId: conditionId,
        backHref: `/agencies/${id}`,
      })
    const condition = await db
      .selectFrom('licence_conditions')
      .innerJoin('licences', 'licences.id', 'licence_conditions.licence_id')
      .select('licence_conditions.id')
      .where('licence_conditions.id', '=', conditionId)
      .where('licences.agency_id', '=', id)
      .executeTakeFirst()
    if (!condition) throw new PageError(404, 'There is no such condition on this licence.')
    const parsed = await parseForm(c, conditionMetSchema)
    if (!parsed.ok) return stale()
    const { version } = parsed.data
    const done = await db
      .transaction()
      .execute((trx) =>
        markConditionMet(trx, actorOf(c), { conditionId, agencyId: id, version }, todayInLesotho()),
      )
    if (!done) return stale()
    return c.redirect(`/agencies/${id}?done=condition_met`, 303)
  })
  // Printing a certificate is the licensing office's act; anyone checks one on the verify page.
  .get('/agencies/:id/certificate', writers, agencyIdValidator, async (c) => {
    const details = await loadAgencyWithLicence(c, c.req.valid('param').id)
    const licence = details.licence
    if (!licence) throw new PageError(404, 'This agency has no licence, so it has no certificate.')
    // A licence not in force still has its certificate, marked across as not valid: the copy an
    // officer prints to see what an agency shows people must never pass for a valid one.
    const current = standing(licence, false, todayInLesotho())
    const base = c.get('config').PUBLIC_BASE_URL ?? new URL(c.req.url).origin
    const verifyUrl = `${base.replace(/\/$/, '')}/verify/${licence.licence_number}`
    const qrSvg = await QRCode.toString(verifyUrl, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 })
    return renderPage(
      c,
      <CertificatePage
        ctx={pageContext(c)}
        agency={details.agency}
        licence={licence}
        verifyUrl={verifyUrl}
        qrSvg={qrSvg}
        notValid={current === 'licensed' ? null : current}
      />,
    )
  })
