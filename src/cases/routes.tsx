import { randomBytes } from 'node:crypto'
import { type Context, Hono } from 'hono'
import {
  CaseListPage,
  CasePage,
  CaseResults,
  CaseStepPage,
  NewCasePage,
} from '../../views/cases/case-pages.js'
import { conflictPage } from '../audit/conflict.js'
import { actorOf, requireRole } from '../auth/guard.js'
import { COMPLAINT_HANDLERS } from '../complaints/routes.js'
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
import { CASE_OPENERS, CASE_READERS, CASE_STEPPERS, caseActorOf } from './access.js'
import { suggestedCaseNumber } from './case-number.js'
import { canChangeParties, canRecordSuspectVerdict, caseFactsOf } from './parties.js'
import {
  CASES_PER_PAGE,
  type CaseDetails,
  type CaseSource,
  caseDetails,
  caseList,
  caseSource,
  openCase,
  referralsWithoutCase,
  takeCaseStep,
} from './queries.js'
import {
  caseActionParam,
  caseIdParam,
  caseListQuery,
  caseSourceQuery,
  caseStepSchemas,
  futureDates,
  openCaseSchema,
} from './schemas.js'
import { actorTakes, allowedCaseActions, type CaseAction, caseTransition } from './stages.js'
import { peopleReferredBy, suspectsOf, victimsOf } from './suspects.js'

// Criminal cases, from the police station to the court's verdict: the police open and
// investigate them; the DPP's prosecutor charges them and records the verdict. Which step each
// may take is the pure machine in stages.ts; this file reads forms and opens transactions.

const readers = requireRole(...CASE_READERS)
const openers = requireRole(...CASE_OPENERS)
const steppers = requireRole(...CASE_STEPPERS)
const caseIdValidator = paramOr404(caseIdParam, 'There is no criminal case at this address.')
const actionValidator = paramOr404(caseActionParam, 'There is no criminal case at this address.')
const newKey = () => randomBytes(18).toString('base64url')

const NOTICES: Record<string, string> = {
  opened: 'The criminal case has been opened. It is under investigation.',
  send_to_dpp: 'The case has been sent to the Director of Public Prosecutions.',
  charge: 'The charge has been recorded.',
  record_verdict: 'The verdict has been recorded.',
  close: 'The case has been closed.',
  close_without_charge: 'The case has been closed without charge.',
  suspect_added: 'The suspect has been added.',
  victims_added: 'The group of potential victims has been added.',
  suspect_verdict: 'The court’s ruling has been recorded.',
  conviction_overturned: 'The appeal has been recorded: the conviction no longer shows.',
}

async function loadCase(c: Context<AppEnv>, id: string) {
  const details = await caseDetails(c.get('db'), id)
  if (!details) throw new PageError(404, 'There is no criminal case at this address.')
  return details
}

async function loadSource(c: Context<AppEnv>, named: { complaint?: string; inspection?: string }) {
  if (!named.complaint && !named.inspection) return null
  const source = await caseSource(c.get('db'), named)
  if (!source)
    throw new PageError(404, 'There is no complaint or inspection referred to the police at this address.')
  return source
}

function newCaseForm(c: Context<AppEnv>, source: CaseSource | null): FormState {
  return emptyForm({
    submission_key: newKey(),
    district: source?.district ?? c.get('user')!.homeDistrict,
    reported_on: source?.reportedOn,
    opened_on: todayInLesotho(),
    ...suggestedCaseNumber(source?.typedNumber ?? null),
    ...(source ? { [`${source.kind}_id`]: source.id } : {}),
  })
}

/** A case's page, with what the viewer may do there. */
async function showCase(
  c: Context<AppEnv>,
  details: CaseDetails,
  words: { notice?: string | undefined; warning?: string | undefined },
  status: 200 | 409 = 200,
) {
  const user = c.get('user')!
  const db = c.get('db')
  const [suspects, victims, referred] = await Promise.all([
    suspectsOf(db, details.id),
    victimsOf(db, details.id),
    details.inspection_id ? peopleReferredBy(db, details.inspection_id) : null,
  ])
  const who = caseActorOf(user)
  const steps = CASE_STEPPERS.includes(user.role)
    ? allowedCaseActions(details.stage, who, details.district, caseFactsOf(suspects))
    : []
  return renderPage(
    c,
    <CasePage
      ctx={pageContext(c)}
      details={details}
      actions={steps}
      suspects={suspects}
      victims={victims}
      referredByInspection={referred}
      canChangeParties={canChangeParties(details.stage, who, details.district)}
      canRule={canRecordSuspectVerdict(details.stage, who)}
      canOverturn={who.role === 'prosecutor'}
      today={todayInLesotho()}
      notice={words.notice}
      warning={words.warning}
      // Complaints are read by the licensing office alone (they hold the complainant's contact).
      sourceLinked={!details.complaint_id || (COMPLAINT_HANDLERS as readonly string[]).includes(user.role)}
    />,
    status,
  )
}

export const caseRoutes = new Hono<AppEnv>()
  .get('/cases', readers, async (c) => {
    const raw = c.req.query()
    const parsed = caseListQuery.safeParse(raw)
    const filters = parsed.success ? parsed.data : { page: 1 }
    const form = { values: typedValues(raw), errors: parsed.success ? {} : fieldErrors(parsed.error) }
    delete form.values.page
    const { rows, total } = await caseList(c.get('db'), filters, todayInLesotho())
    const paging = { page: filters.page, perPage: CASES_PER_PAGE, total }
    const user = c.get('user')!
    return renderPageOrPartial(
      c,
      <CaseListPage
        ctx={pageContext(c)}
        rows={rows}
        paging={paging}
        filters={form}
        canOpen={CASE_OPENERS.includes(user.role)}
      />,
      <CaseResults rows={rows} paging={paging} filters={form} />,
      parsed.success ? 200 : 422,
    )
  })
  .get('/cases/new', openers, async (c) => {
    const named = caseSourceQuery.safeParse(c.req.query())
    if (!named.success) throw new PageError(404, 'There is no complaint or inspection at this address.')
    const source = await loadSource(c, named.data)
    const referrals = source ? null : await referralsWithoutCase(c.get('db'))
    return renderPage(
      c,
      <NewCasePage
        ctx={pageContext(c)}
        source={source}
        form={newCaseForm(c, source)}
        referrals={referrals}
      />,
    )
  })
  .post('/cases', openers, async (c) => {
    const parsed = await parseForm(c, openCaseSchema)
    const values = parsed.ok ? parsed.data : parsed.form.values
    // A source that is not (or no longer) referred to the police is a page that does not exist;
    // on a form sent back for correction, an unreadable one is simply dropped.
    const named = caseSourceQuery.safeParse({
      complaint: values.complaint_id,
      inspection: values.inspection_id,
    })
    const source = named.success ? await loadSource(c, named.data) : null
    const errors = {
      ...(parsed.ok ? {} : parsed.form.errors),
      ...futureDates(values, ['reported_on', 'opened_on']),
    }
    if (!parsed.ok || Object.keys(errors).length > 0) {
      const form = { values: typedValues(parsed.body), errors }
      // A damaged key is replaced, so the form can still be sent once it is right.
      if (
        typeof form.values.submission_key !== 'string' ||
        !/^[A-Za-z0-9_-]{16,64}$/.test(form.values.submission_key)
      )
        form.values.submission_key = newKey()
      return renderPage(c, <NewCasePage ctx={pageContext(c)} source={source} form={form} />, 422)
    }
    const result = await c
      .get('db')
      .transaction()
      .execute((trx) =>
        // The case links what was found referred to the police, and nothing else the form named.
        openCase(trx, actorOf(c), {
          ...parsed.data,
          complaint_id: source?.kind === 'complaint' ? source.id : undefined,
          inspection_id: source?.kind === 'inspection' ? source.id : undefined,
        }),
      )
    if (!result.ok)
      return renderPage(
        c,
        <NewCasePage
          ctx={pageContext(c)}
          source={source}
          form={{
            values: typedValues(parsed.body),
            errors: { case_number: 'This case number is already in the registry' },
          }}
          takenId={result.taken.id}
        />,
        422,
      )
    return c.redirect(`/cases/${result.id}${result.created ? '?done=opened' : ''}`, 303)
  })
  .get('/cases/:id', readers, caseIdValidator, async (c) => {
    const details = await loadCase(c, c.req.valid('param').id)
    const done = c.req.query('done')
    return showCase(c, details, { notice: done ? NOTICES[done] : undefined })
  })
  .get('/cases/:id/:action', steppers, actionValidator, async (c) => {
    const { id, action } = c.req.valid('param')
    const details = await loadCase(c, id)
    const who = caseActorOf(c.get('user')!)
    if (!actorTakes(action, who, details.district))
      throw new PageError(
        403,
        'This step of this case is taken by the police of its district or by the prosecutor.',
      )
    const facts = caseFactsOf(await suspectsOf(c.get('db'), id))
    const step = caseTransition(details.stage, action, who, details.district, facts)
    // Not now (another step first, or it was taken): the case, saying why.
    if (!step.ok) return showCase(c, details, { warning: step.reason }, 409)
    return renderPage(
      c,
      <CaseStepPage
        ctx={pageContext(c)}
        details={details}
        action={action}
        form={emptyForm({ on_date: todayInLesotho() })}
      />,
    )
  })
  .post('/cases/:id/:action', steppers, actionValidator, async (c) => {
    const { id, action } = c.req.valid('param')
    const details = await loadCase(c, id)
    const parsed = await parseForm(c, caseStepSchemas[action as CaseAction])
    const errors = {
      ...(parsed.ok ? {} : parsed.form.errors),
      ...futureDates(parsed.ok ? parsed.data : parsed.form.values, ['on_date']),
    }
    if (!parsed.ok || Object.keys(errors).length > 0)
      return renderPage(
        c,
        <CaseStepPage
          ctx={pageContext(c)}
          details={details}
          action={action}
          form={{ values: typedValues(parsed.body), errors }}
        />,
        422,
      )
    const user = c.get('user')!
    const result = await c
      .get('db')
      .transaction()
      .execute((trx) => takeCaseStep(trx, actorOf(c), caseActorOf(user), { id, action, ...parsed.data }))
    if (!result.ok && 'field' in result)
      return renderPage(
        c,
        <CaseStepPage
          ctx={pageContext(c)}
          details={details}
          action={action}
          form={{ values: typedValues(parsed.body), errors: { [result.field]: result.message } }}
        />,
        422,
      )
    if (!result.ok)
      return conflictPage(c, {
        what: 'criminal case',
        entity: 'criminal_case',
        entityId: id,
        backHref: `/cases/${id}`,
        refusal: result.conflict ? undefined : result.reason,
      })
    return c.redirect(`/cases/${id}?done=${action}`, 303)
  })
