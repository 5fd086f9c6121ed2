import { type Context, Hono } from 'hono'
import { AgencyFormPage } from '../../views/agencies/agency-form.js'
import { AgencyListPage, AgencyResults } from '../../views/agencies/agency-list.js'
import { AgencyPage } from '../../views/agencies/agency-page.js'
import { AgencyCasesSection, ConvictionNotice } from '../../views/cases/agency-cases.js'
import { AgencyOffers } from '../../views/job-offers/offer-pages.js'
import { AgencyNotices } from '../../views/licensing/notice-pages.js'
import { writeAudit } from '../audit/audit.js'
import { conflictPage } from '../audit/conflict.js'
import { actorOf, requireRole } from '../auth/guard.js'
import { CASE_READERS, CASES_SEEN_ON_AGENCY_PAGE } from '../cases/access.js'
import { casesNamingAgency } from '../cases/consequences.js'
import { flagsForAgencies } from '../complaints/flags.js'
import { agencyFlagsSection } from '../complaints/routes.js'
import { isUniqueViolation } from '../db/errors.js'
import { formatDate } from '../format.js'
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
import { offersOfAgency, standingOfOffer } from '../job-offers/queries.js'
import { canWriteLicensing, LICENSING_READERS, LICENSING_WRITERS } from '../licensing/access.js'
import { appealableDecisions, appealsOfAgency } from '../licensing/appeals.js'
import { licenceTransition, NOTICE_ACTIONS } from '../licensing/lifecycle.js'
import { noticesOfAgency } from '../licensing/notices.js'
import { recordLicenceEvent } from '../licensing/queries.js'
import { todayInLesotho } from '../time.js'
import {
  AGENCIES_PER_PAGE,
  agencyDetails,
  type BarredPerson,
  barredPeople,
  findPossibleDuplicates,
  insertAgency,
  listAgencies,
  registrationNumberTaken,
  updateAgencyAtVersion,
} from './queries.js'
import { type AgencyInput, agencyFiltersSchema, agencyIdParam, agencySchema } from './schemas.js'

const readers = requireRole(...LICENSING_READERS)
const writers = requireRole(...LICENSING_WRITERS)
export const agencyIdValidator = paramOr404(agencyIdParam, 'There is no agency at this address.')

const NOTICES: Record<string, string> = {
  registered: 'The agency has been registered.',
  saved: 'Your changes have been saved.',
  licence_suspend: 'The licence has been suspended.',
  licence_reinstate: 'The licence has been reinstated.',
  licence_revoke: 'The licence has been revoked.',
  licence_surrender: 'The surrender of the licence has been recorded.',
  condition_added: 'The condition has been added.',
  condition_met: 'The condition has been marked as met.',
  flag_cleared: 'The flag has been cleared. The public lookup no longer shows it.',
  finding_decided: 'The decision on the inspection finding has been recorded.',
}

/** The form values of a saved agency, for editing. */
function agencyFormValues(
  details: NonNullable<Awaited<ReturnType<typeof agencyDetails>>>,
): FormState['values'] {
  const { agency, people } = details
  return {
    legal_name: agency.legal_name,
    trading_names: agency.trading_names,
    registration_number: agency.registration_number,
    district: agency.district,
    physical_address: agency.physical_address,
    phone: agency.phone ?? '',
    email: agency.email ?? '',
    sectors: agency.sectors,
    destination_countries: agency.destination_countries,
    notes: agency.notes ?? '',
    person_role: people.map((p) => p.role),
    person_name: people.map((p) => p.name),
    person_id_number: people.map((p) => p.id_number),
  }
}

/** A valid submission shown again (duplicates to confirm, or a number taken meanwhile). */
function inputValues(input: AgencyInput): FormState['values'] {
  return {
    legal_name: input.legal_name,
    trading_names: input.trading_names,
    registration_number: input.registration_number,
    district: input.district,
    physical_address: input.physical_address,
    phone: input.phone,
    email: input.email,
    sectors: input.sectors,
    destination_countries: input.destination_countries,
    notes: input.notes,
    person_role: input.people.map((p) => p.role),
    person_name: input.people.map((p) => p.name),
    person_id_number: input.people.map((p) => p.id_number),
    phoenix_reason: input.phoenix_reason,
    duplicates_seen: input.duplicates_seen,
  }
}

/** The registration number belongs to another agency: the field says so, the page links to it. */
function takenForm(
  typed: FormState['values'],
  existing: { legal_name: string; registration_number: string },
) {
  return {
    values: typed,
    errors: {
      registration_number: `Already in the registry for ${existing.legal_name} (${existing.registration_number})`,
    },
  }
}

/** The agency's appeals, and the decisions it may still appeal with the way to record one. */
async function appealsSection(c: Context<AppEnv>, agencyId: string) {
  const user = c.get('user')
  if (!user || !['licensing_manager', 'licensing_officer', 'admin'].includes(user.role)) return null
  const [decisions, appeals] = await Promise.all([
    canWriteLicensing(user)
      ? appealableDecisions(c.get('db'), agencyId, todayInLesotho(), c.get('config').APPEAL_DAYS)
      : [],
    appealsOfAgency(c.get('db'), agencyId),
  ])
  if (decisions.length === 0 && appeals.length === 0) return null
  const STATUS = { lodged: 'waiting for a decision', upheld: 'dismissed', overturned: 'allowed' } as const
  return (
    <>
      <h2>Appeals</h2>
      {appeals.length > 0 && (
        <ul>
          {appeals.map((a) => (
            <li>
              <a href={`/appeals/${a.id}`}>Appeal against the {a.against}</a>, received{' '}
              {formatDate(a.lodged_on)}: {STATUS[a.status]}
            </li>
          ))}
        </ul>
      )}
      {decisions.length > 0 && (
        <>
          <ul>
            {decisions.map((d) => (
              <li>
                {d.label}: may be appealed until {formatDate(d.deadline)}
              </li>
            ))}
          </ul>
          <p>
            <a href={`/agencies/${agencyId}/appeals/new`}>Record an appeal</a>
          </p>
        </>
      )}
    </>
  )
}

/** Why a form with a barred person cannot be saved (none: it can, by an administrator's override). */
function barRefusal(c: Context<AppEnv>, barred: BarredPerson[], reason: string | undefined) {
  if (barred.length === 0) return null
  if (c.get('user')?.role !== 'admin')
    return {
      barred:
        'A person here is barred after a revocation: only an administrator can register them, with a reason',
    }
  return reason ? null : { bar_override_reason: 'Say why the bar is overridden' }
}

function renderForm(
  c: Context<AppEnv>,
  form: FormState,
  status: 200 | 422,
  extra: Partial<Parameters<typeof AgencyFormPage>[0]> = {},
) {
  return renderPage(c, <AgencyFormPage ctx={pageContext(c)} form={form} {...extra} />, status)
}

export const agencyRoutes = new Hono<AppEnv>()
  .get('/agencies', readers, async (c) => {
    const raw = c.req.query()
    const parsed = agencyFiltersSchema.safeParse(raw)
    const filters = parsed.success ? parsed.data : { page: 1 }
    const form = { values: typedValues(raw), errors: parsed.success ? {} : fieldErrors(parsed.error) }
    delete form.values.page
    const today = todayInLesotho()
    const { rows, total, resembling } = await listAgencies(c.get('db'), filters, today)
    const flags = await flagsForAgencies(
      c.get('db'),
      rows.map((r) => r.id),
      today,
      { withOpenComplaints: true },
    )
    const paging = { page: filters.page, perPage: AGENCIES_PER_PAGE, total }
    return renderPageOrPartial(
      c,
      <AgencyListPage
        ctx={pageContext(c)}
        rows={rows}
        flags={flags}
        paging={paging}
        filters={form}
        today={today}
        canWrite={canWriteLicensing(c.get('user'))}
        resembling={resembling}
      />,
      <AgencyResults
        rows={rows}
        flags={flags}
        paging={paging}
        filters={form}
        today={today}
        resembling={resembling}
      />,
      parsed.success ? 200 : 422,
    )
  })
  // No country chosen for the officer: one pre-selected would be saved unnoticed.
  .get('/agencies/new', writers, (c) => renderForm(c, emptyForm(), 200))
  .post('/agencies', writers, async (c) => {
    const parsed = await parseForm(c, agencySchema)
    if (!parsed.ok) return renderForm(c, parsed.form, 422)
    const input = parsed.data
    const db = c.get('db')
    const typed = inputValues(input)
    const taken = await registrationNumberTaken(db, input.registration_number)
    if (taken) return renderForm(c, takenForm(typed, taken), 422, { taken })

    // Possible duplicates are shown once; saving then needs the officer to have seen every one of them.
    const matches = await findPossibleDuplicates(db, input)
    // A barred person is said at once, before anything invites the officer to save anyway.
    const barred = await barredPeople(db, input.people, todayInLesotho(), c.get('config').BAR_YEARS)
    const refusedBar = barRefusal(c, barred, input.bar_override_reason)
    if (refusedBar) {
      const values = { ...typed, duplicates_seen: matches.map((m) => m.id).join(',') }
      return renderForm(c, { values, errors: refusedBar }, 422, { duplicates: matches, barred })
    }
    const seen = new Set((input.duplicates_seen ?? '').split(','))
    if (matches.some((m) => !seen.has(m.id))) {
      const values = { ...typed, duplicates_seen: matches.map((m) => m.id).join(',') }
      return renderForm(c, { values, errors: {} }, 200, { duplicates: matches })
    }
    const phoenix = matches.filter((m) => m.phoenix)
    if (phoenix.length > 0 && !input.phoenix_reason) {
      const errors = {
        phoenix_reason:
          'Say why this agency should be registered although a person is linked to a revoked or refused agency',
      }
      return renderForm(c, { values: typed, errors }, 422, { duplicates: matches })
    }
    const actor = actorOf(c)
    let agencyId: string
    try {
      agencyId = await db.transaction().execute(async (trx) => {
        const agency = await insertAgency(trx, input)
        await recordLicenceEvent(trx, actor, { agencyId: agency.id, event: 'agency_registered' })
        await writeAudit(trx, actor, {
          action: 'agency.registered',
          entity: 'agency',
          entityId: agency.id,
          after: { ...agency, people: input.people },
        })
        if (barred.length > 0)
          await writeAudit(trx, actor, {
            action: 'agency.bar_overridden',
            entity: 'agency',
            entityId: agency.id,
            after: { reason: input.bar_override_reason, barred },
          })
        if (matches.length > 0) {
          await writeAudit(trx, actor, {
            action:
              phoenix.length > 0
                ? 'agency.phoenix_match_acknowledged'
                : 'agency.duplicate_warning_acknowledged',
            entity: 'agency',
            entityId: agency.id,
            after: { reason: input.phoenix_reason ?? null, matches },
          })
        }
        return agency.id
      })
    } catch (error) {
      // A double submit: the first one saved it.
      if (!isUniqueViolation(error)) throw error
      const existing = await registrationNumberTaken(db, input.registration_number)
      if (!existing) throw error
      return renderForm(c, takenForm(typed, existing), 422, { taken: existing })
    }
    return c.redirect(`/agencies/${agencyId}?done=registered`, 303)
  })
  .get('/agencies/:id', readers, agencyIdValidator, async (c) => {
    const details = await agencyDetails(c.get('db'), c.req.valid('param').id)
    if (!details) throw new PageError(404, 'There is no agency at this address.')
    const key = Object.keys(NOTICES).find((k) => c.req.query('done') === k)
    const role = c.get('user')!.role
    const cases = await casesNamingAgency(c.get('db'), details.agency.id)
    return renderPage(
      c,
      <AgencyPage
        conviction={<ConvictionNotice rows={cases} />}
        cases={
          CASES_SEEN_ON_AGENCY_PAGE.includes(role) && (
            <AgencyCasesSection rows={cases} linkCases={CASE_READERS.includes(role)} />
          )
        }
        ctx={pageContext(c)}
        details={details}
        today={todayInLesotho()}
        canWrite={canWriteLicensing(c.get('user'))}
        conditionForm={emptyForm()}
        notice={key ? NOTICES[key] : undefined}
        flags={await agencyFlagsSection(c, details.agency.id)}
        notices={
          details.licence && (
            <AgencyNotices
              agencyId={details.agency.id}
              rows={await noticesOfAgency(c.get('db'), details.agency.id)}
              today={todayInLesotho()}
              canGive={
                canWriteLicensing(c.get('user'))
                  ? NOTICE_ACTIONS.filter((a) => licenceTransition(details.licence!.status, a).ok)
                  : []
              }
            />
          )
        }
        appeals={await appealsSection(c, details.agency.id)}
        jobOffers={
          <AgencyOffers
            agencyId={details.agency.id}
            rows={(await offersOfAgency(c.get('db'), details.agency.id)).map((o) => ({
              ...o,
              standing: standingOfOffer(o, todayInLesotho()),
            }))}
            canWrite={canWriteLicensing(c.get('user'))}
          />
        }
      />,
    )
  })
  .get('/agencies/:id/edit', writers, agencyIdValidator, async (c) => {
    const details = await agencyDetails(c.get('db'), c.req.valid('param').id)
    if (!details) throw new PageError(404, 'There is no agency at this address.')
    return renderForm(c, emptyForm(agencyFormValues(details)), 200, { agency: details.agency })
  })
  .post('/agencies/:id/edit', writers, agencyIdValidator, async (c) => {
    const { id } = c.req.valid('param')
    const db = c.get('db')
    const before = await agencyDetails(db, id)
    if (!before) throw new PageError(404, 'There is no agency at this address.')
    const parsed = await parseForm(c, agencySchema)
    if (!parsed.ok)
      return renderForm(c, parsed.form, 422, {
        agency: { ...before.agency, version: Number(parsed.form.values.version) || before.agency.version },
      })
    const input = parsed.data
    const typed = inputValues(input)
    const taken = await registrationNumberTaken(db, input.registration_number, id)
    if (taken) {
      return renderForm(c, takenForm(typed, taken), 422, {
        taken,
        agency: { ...before.agency, version: input.version ?? before.agency.version },
      })
    }
    // A barred person added to an agency is the same way back in as a new agency.
    const barred = await barredPeople(db, input.people, todayInLesotho(), c.get('config').BAR_YEARS, id)
    const refusedBar = barRefusal(c, barred, input.bar_override_reason)
    if (refusedBar)
      return renderForm(c, { values: typed, errors: refusedBar }, 422, {
        barred,
        agency: { ...before.agency, version: input.version ?? before.agency.version },
      })
    const actor = actorOf(c)
    const updated = await db.transaction().execute(async (trx) => {
      const agency = await updateAgencyAtVersion(trx, id, input.version ?? 0, input)
      if (!agency) return null
      if (barred.length > 0)
        await writeAudit(trx, actor, {
          action: 'agency.bar_overridden',
          entity: 'agency',
          entityId: id,
          after: { reason: input.bar_override_reason, barred },
        })
      await writeAudit(trx, actor, {
        action: 'agency.updated',
        entity: 'agency',
        entityId: id,
        before: { ...before.agency, people: before.people },
        after: { ...agency, people: input.people },
      })
      return agency
    })
    if (!updated)
      return conflictPage(c, { what: 'agency', entity: 'agency', entityId: id, backHref: `/agencies/${id}` })
    return c.redirect(`/agencies/${id}?done=saved`, 303)
  })
