import { type Context, Hono } from 'hono'
import { sql } from 'kysely'
import { AgencyPage } from '../../views/agencies/agency-page.js'
import { AgencyFlagsSection } from '../../views/complaints/agency-flags.js'
import {
  ComplaintPage,
  ComplaintQueuePage,
  ComplaintResults,
  UnlicensedRecruitersPage,
} from '../../views/complaints/staff-pages.js'
import { agenciesKnownAs, agencyDetails } from '../agencies/queries.js'
import { conflictPage } from '../audit/conflict.js'
import { actorOf, requireRole } from '../auth/guard.js'
import { CASE_READERS } from '../cases/access.js'
import { casesOpenedFrom } from '../cases/queries.js'
import type { AppEnv } from '../http/env.js'
import { pageParam } from '../http/pagination.js'
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
import { decideFinding, findingById, unreviewedFindingsOf } from '../inspections/findings.js'
import { todayInLesotho } from '../time.js'
import { flagsForAgencies } from './flags.js'
import {
  COMPLAINTS_PER_PAGE,
  changeComplaint,
  clearFlag,
  complaintDetails,
  complaintQueue,
  decisionChange,
  revealContact,
  reviewing,
  unlicensedRecruiterFor,
  unlicensedRecruiters,
} from './queries.js'
import type { PublicFlag } from './rules.js'
import {
  clearFlagParam,
  clearFlagSchema,
  complaintFiltersSchema,
  complaintIdParam,
  decisionSchema,
  findingDecisionSchema,
  linkAgencyIdSchema,
  linkAgencySchema,
  noteSchema,
  referSchema,
  unlicensedSchema,
  versionOnly,
} from './schemas.js'

// Triage of complaints by the licensing office. Complaints hold what people told the state in
// confidence: only licensing officers and administrators see them, and the contact details
// only behind the audited "show contact".
export const COMPLAINT_HANDLERS = ['licensing_officer', 'admin'] as const
const handlers = requireRole(...COMPLAINT_HANDLERS)
// The police follow up unlicensed recruiters.
const unlicensedReaders = requireRole('licensing_officer', 'admin', 'police_officer')

const idValidator = paramOr404(complaintIdParam, 'There is no complaint at this address.')

const NOTICES: Record<string, string> = {
  assign: 'The complaint is assigned to you.',
  note: 'The note has been added.',
  link: 'The complaint is linked to the agency.',
  unlicensed: 'The recruiter is recorded in the unlicensed recruiters list.',
  decide: 'The decision has been recorded.',
  refer: 'The referral to the police has been recorded.',
  close: 'The complaint is closed.',
}

/** Agencies whose names resemble the recruiter named in the report, to link with one click. */
async function suggestionsFor(c: Context<AppEnv>, name: string | null) {
  if (!name || name.trim().length < 3) return []
  return c
    .get('db')
    .selectFrom('agencies')
    .leftJoin('licences', 'licences.agency_id', 'agencies.id')
    .select(['agencies.id', 'agencies.legal_name', 'licences.licence_number'])
    .where(sql<boolean>`agencies.search_text % lower(${name})`)
    .orderBy(sql`similarity(agencies.search_text, lower(${name}))`, 'desc')
    .limit(5)
    .execute()
}

async function showComplaint(
  c: Context<AppEnv>,
  id: string,
  extra: Partial<Parameters<typeof ComplaintPage>[0]> = {},
  status: 200 | 422 = 200,
) {
  const details = await complaintDetails(c.get('db'), id)
  if (!details) throw new PageError(404, 'There is no complaint at this address.')
  // Names like the one typed to link (when it matched none, or several), else like the report's.
  const typed = extra.step?.name === 'link' ? String(extra.step.form.values.agency ?? '') : ''
  const suggestions =
    details.complaint.agency_id || details.complaint.unlicensed_recruiter_id
      ? []
      : await suggestionsFor(c, typed.trim() || details.complaint.recruiter_name)
  const cases = details.complaint.police_case_number
    ? await casesOpenedFrom(c.get('db'), 'complaint_id', id)
    : []
  c.header('Cache-Control', 'no-store')
  return renderPage(
    c,
    <ComplaintPage
      ctx={pageContext(c)}
      details={details}
      suggestions={suggestions}
      cases={cases}
      canReadCases={CASE_READERS.includes(c.get('user')!.role)}
      {...extra}
    />,
    status,
  )
}

const conflict = (c: Context<AppEnv>, id: string) =>
  conflictPage(c, { what: 'complaint', entity: 'complaint', entityId: id, backHref: `/complaints/${id}` })

/**
 * A triage step: validates the form (422 with the step's form shown again), then applies the
 * change at the version the officer saw, in one transaction (409 if someone acted first).
 */
function step<S extends import('zod').ZodType>(
  name: 'assign' | 'note' | 'link' | 'unlicensed' | 'decide' | 'refer' | 'close',
  schema: S,
  apply: (
    c: Context<AppEnv>,
    trx: import('../db/database.js').Database,
    id: string,
    input: import('zod').infer<S>,
    status: import('./rules.js').ComplaintStatus,
  ) => Promise<boolean | { field: string; message: string }>,
) {
  return async (c: Context<AppEnv>) => {
    const id = c.req.param('id')!
    const stepName = name === 'assign' || name === 'close' ? null : name
    const refuse = (form: FormState) =>
      stepName ? showComplaint(c, id, { step: { name: stepName, form } }, 422) : conflict(c, id)
    const parsed = await parseForm(c, schema)
    if (!parsed.ok) return refuse(parsed.form)
    const body = parsed.body
    const current = await c
      .get('db')
      .selectFrom('complaints')
      .select(['status', 'version'])
      .where('id', '=', id)
      .executeTakeFirst()
    if (!current) throw new PageError(404, 'There is no complaint at this address.')
    // Someone acted since this page was opened: say so (409, naming who) before judging the
    // step against a status the officer has not seen.
    const seen = (parsed.data as { version?: number }).version
    if (seen !== undefined && seen !== current.version) return conflict(c, id)
    const result = await c
      .get('db')
      .transaction()
      .execute(async (trx) => {
        const outcome = await apply(c, trx, id, parsed.data, current.status)
        // A refused value or a conflict leaves nothing behind: not even a recruiter recorded
        // on the way (unlicensed step), nor its audit entry.
        if (outcome !== true) throw Object.assign(new Error('step not applied'), { outcome })
        return true as const
      })
      .catch((error) => {
        if (error?.outcome !== undefined) return error.outcome as false | { field: string; message: string }
        throw error
      })
    if (typeof result === 'object')
      return refuse({ values: typedValues(body), errors: { [result.field]: result.message } })
    if (!result) return conflict(c, id)
    return c.redirect(`/complaints/${id}?done=${name}`, 303)
  }
}

/** The agency page's complaints and flags section, for the signed-in person. */
export async function agencyFlagsSection(
  c: Context<AppEnv>,
  agencyId: string,
  refused: { clearForm?: { flag: PublicFlag; form: FormState }; findingForm?: FormState } = {},
) {
  const user = c.get('user')
  const canAct = user !== null && (COMPLAINT_HANDLERS as readonly string[]).includes(user.role)
  const [flags, unreviewed] = await Promise.all([
    flagsForAgencies(c.get('db'), [agencyId], todayInLesotho(), { withOpenComplaints: true }),
    canAct ? unreviewedFindingsOf(c.get('db'), agencyId) : Promise.resolve([]),
  ])
  return (
    <AgencyFlagsSection
      ctx={pageContext(c)}
      agencyId={agencyId}
      flags={flags.get(agencyId)!}
      canAct={canAct}
      clearForm={refused.clearForm}
      unreviewed={unreviewed}
      findingForm={refused.findingForm}
    />
  )
}

export const complaintRoutes = new Hono<AppEnv>()
  .post('/agencies/:id/flags/:flag/clear', handlers, paramOr404(clearFlagParam), async (c) => {
    const { id, flag } = c.req.valid('param')
    const db = c.get('db')
    const details = await agencyDetails(db, id)
    if (!details) throw new PageError(404, 'There is no agency at this address.')
    const parsed = await parseForm(c, clearFlagSchema)
    if (!parsed.ok) {
      const form = parsed.form
      return renderPage(
        c,
        <AgencyPage
          ctx={pageContext(c)}
          details={details}
          today={todayInLesotho()}
          canWrite
          conditionForm={emptyForm()}
          flags={await agencyFlagsSection(c, id, { clearForm: { flag, form } })}
        />,
        422,
      )
    }
    const current = (await flagsForAgencies(db, [id], todayInLesotho())).get(id)!
    if (!current.publicFlags.includes(flag))
      throw new PageError(409, `This agency has no ${flag} flag to clear.`)
    await db
      .transaction()
      .execute((trx) => clearFlag(trx, actorOf(c), { agencyId: id, flag, reason: parsed.data.reason }))
    return c.redirect(`/agencies/${id}?done=flag_cleared`, 303)
  })
  .post(
    '/inspection-findings/:id/decide',
    handlers,
    paramOr404(complaintIdParam, 'There is no inspection finding at this address.'),
    async (c) => {
      const { id } = c.req.valid('param')
      const db = c.get('db')
      const finding = await findingById(db, id)
      if (!finding) throw new PageError(404, 'There is no inspection finding at this address.')
      const parsed = await parseForm(c, findingDecisionSchema)
      const errors = parsed.ok ? {} : { ...parsed.form.errors }
      const proven = parsed.ok ? parsed.data.proven : []
      if (parsed.ok && proven.some((p) => !finding.categories.includes(p)))
        errors.proven = 'Choose only what this finding is about'
      const body = parsed.body
      if (Object.keys(errors).length > 0 || !parsed.ok) {
        const details = await agencyDetails(db, finding.agency_id)
        return renderPage(
          c,
          <AgencyPage
            ctx={pageContext(c)}
            details={details!}
            today={todayInLesotho()}
            canWrite
            conditionForm={emptyForm()}
            flags={
              await agencyFlagsSection(c, finding.agency_id, {
                findingForm: { values: typedValues(body), errors },
              })
            }
          />,
          422,
        )
      }
      const applied = await db
        .transaction()
        .execute((trx) => decideFinding(trx, actorOf(c), id, parsed.data.version, parsed.data))
      if (!applied)
        return conflictPage(c, {
          what: 'inspection finding',
          entity: 'agency',
          entityId: finding.agency_id,
          backHref: `/agencies/${finding.agency_id}`,
        })
      return c.redirect(`/agencies/${finding.agency_id}?done=finding_decided`, 303)
    },
  )
  .get('/complaints', handlers, async (c) => {
    const raw = c.req.query()
    const parsed = complaintFiltersSchema.safeParse(raw)
    const filters = parsed.success ? parsed.data : { page: 1 }
    const form = { values: typedValues(raw), errors: parsed.success ? {} : fieldErrors(parsed.error) }
    delete form.values.page
    const { rows, total, counts, notYetLinked } = await complaintQueue(
      c.get('db'),
      filters,
      c.get('user')!.id,
    )
    const paging = { page: filters.page, perPage: COMPLAINTS_PER_PAGE, total }
    c.header('Cache-Control', 'no-store')
    const props = { rows, paging, filters: form, counts, notYetLinked }
    return renderPageOrPartial(
      c,
      <ComplaintQueuePage ctx={pageContext(c)} {...props} />,
      <ComplaintResults {...props} />,
      parsed.success ? 200 : 422,
    )
  })
  .get('/complaints/:id', handlers, idValidator, async (c) => {
    const done = c.req.query('done')
    return showComplaint(c, c.req.valid('param').id, { notice: done ? NOTICES[done] : undefined })
  })
  .post('/complaints/:id/contact', handlers, idValidator, async (c) => {
    const id = c.req.valid('param').id
    const contact = await c
      .get('db')
      .transaction()
      .execute((trx) => revealContact(trx, actorOf(c), id))
    if (!contact) throw new PageError(404, 'There is no complaint at this address.')
    return showComplaint(c, id, { contact })
  })
  .post(
    '/complaints/:id/assign',
    handlers,
    idValidator,
    step('assign', versionOnly, (c, trx, id, input, status) =>
      changeComplaint(trx, actorOf(c), id, input.version, {
        event: 'assigned',
        detail: `Assigned to ${c.get('user')!.name}`,
        set: { assigned_to: c.get('user')!.id, status: reviewing(status) },
      }),
    ),
  )
  .post(
    '/complaints/:id/notes',
    handlers,
    idValidator,
    step('note', noteSchema, (c, trx, id, input) =>
      changeComplaint(trx, actorOf(c), id, input.version, { event: 'note', detail: input.note }),
    ),
  )
  .post(
    '/complaints/:id/link',
    handlers,
    idValidator,
    step('link', linkAgencyIdSchema.or(linkAgencySchema), async (c, trx, id, input, status) => {
      let agency: { id: string; legal_name: string } | undefined
      if ('agency_id' in input) {
        agency = await trx
          .selectFrom('agencies')
          .select(['id', 'legal_name'])
          .where('id', '=', input.agency_id)
          .executeTakeFirst()
      } else {
        // Any registered agency: by licence number, registration number or name.
        const known = await agenciesKnownAs(trx, input.agency)
        if (known.length > 1)
          return { field: 'agency', message: 'Several agencies have this name: choose the right one below' }
        agency = known[0]
      }
      if (!agency)
        return {
          field: 'agency',
          message:
            'No registered agency has this licence number, registration number or name. Choose one below if it is right, or record an unlicensed recruiter',
        }
      return changeComplaint(trx, actorOf(c), id, input.version, {
        event: 'linked',
        detail: `Linked to ${agency.legal_name}`,
        set: { agency_id: agency.id, status: reviewing(status) },
      })
    }),
  )
  .post(
    '/complaints/:id/unlicensed',
    handlers,
    idValidator,
    step('unlicensed', unlicensedSchema, async (c, trx, id, input, status) => {
      const recruiterId = await unlicensedRecruiterFor(trx, actorOf(c), input)
      return changeComplaint(trx, actorOf(c), id, input.version, {
        event: 'recorded_unlicensed',
        detail: `Recorded as unlicensed recruiter "${input.name}"`,
        set: { unlicensed_recruiter_id: recruiterId, status: reviewing(status) },
      })
    }),
  )
  .post(
    '/complaints/:id/decide',
    handlers,
    idValidator,
    step('decide', decisionSchema, async (c, trx, id, input, status) => {
      if (status !== 'received' && status !== 'under_review')
        return { field: 'outcome', message: 'This complaint has already been decided' }
      return changeComplaint(trx, actorOf(c), id, input.version, decisionChange(actorOf(c), input))
    }),
  )
  .post(
    '/complaints/:id/refer',
    handlers,
    idValidator,
    step('refer', referSchema, (c, trx, id, input, status) =>
      changeComplaint(trx, actorOf(c), id, input.version, {
        event: 'referred_to_police',
        detail: `Police case ${input.police_case_number}`,
        set: {
          police_case_number: input.police_case_number,
          referred_at: new Date(),
          status: reviewing(status),
        },
      }),
    ),
  )
  .post(
    '/complaints/:id/close',
    handlers,
    idValidator,
    step('close', versionOnly, async (c, trx, id, input, status) => {
      if (status !== 'decided') return false
      return changeComplaint(trx, actorOf(c), id, input.version, {
        event: 'closed',
        set: { status: 'closed' },
      })
    }),
  )
  .get('/unlicensed-recruiters', unlicensedReaders, async (c) => {
    const page = pageParam.parse(c.req.query('page'))
    const { rows, total } = await unlicensedRecruiters(c.get('db'), page)
    return renderPage(
      c,
      <UnlicensedRecruitersPage
        ctx={pageContext(c)}
        rows={rows}
        paging={{ page, perPage: COMPLAINTS_PER_PAGE, total }}
      />,
    )
  })
