import { randomBytes } from 'node:crypto'
import { type Context, Hono } from 'hono'
import {
  OverturnPage,
  SuspectFormPage,
  SuspectVerdictPage,
  VictimsFormPage,
} from '../../views/cases/party-pages.js'
import { conflictPage } from '../audit/conflict.js'
import { actorOf, requireRole } from '../auth/guard.js'
import type { AppEnv } from '../http/env.js'
import { PageError } from '../http/problems.js'
import { pageContext, renderPage } from '../http/render.js'
import { emptyForm, type FormState, paramOr404, parseForm, typedValues } from '../http/validation.js'
import { todayInLesotho } from '../time.js'
import { CASE_STEPPERS, caseActorOf } from './access.js'
import { canChangeParties, canOverturn, canRecordSuspectVerdict } from './parties.js'
import { caseDetails } from './queries.js'
import {
  caseIdParam,
  futureDates,
  overturnSchema,
  suspectParam,
  suspectSchema,
  suspectVerdictSchema,
  victimsSchema,
} from './schemas.js'
import {
  addSuspect,
  addVictims,
  overturnConviction,
  type PartyResult,
  recordSuspectVerdict,
  suspectsOf,
} from './suspects.js'

// A case's suspects and potential victims, and the court's ruling on each suspect. Each form is
// served and taken at one address; who may use it at the case's stage is in parties.ts.

const steppers = requireRole(...CASE_STEPPERS)
const caseIdValidator = paramOr404(caseIdParam, 'There is no criminal case at this address.')
const suspectValidator = paramOr404(suspectParam, 'There is no suspect at this address.')
const newKey = () => randomBytes(18).toString('base64url')

async function loadCase(c: Context<AppEnv>, id: string) {
  const details = await caseDetails(c.get('db'), id)
  if (!details) throw new PageError(404, 'There is no criminal case at this address.')
  return details
}

async function loadSuspect(c: Context<AppEnv>, caseId: string, suspectId: string) {
  const k = await loadCase(c, caseId)
  const suspect = (await suspectsOf(c.get('db'), caseId)).find((s) => s.id === suspectId)
  if (!suspect) throw new PageError(404, 'There is no suspect at this address.')
  return { k, suspect }
}

/** May this person add suspects and victims to this case now? (403 on the form's page otherwise.) */
async function partiesCase(c: Context<AppEnv>, id: string) {
  const k = await loadCase(c, id)
  if (!canChangeParties(k.stage, caseActorOf(c.get('user')!), k.district))
    throw new PageError(
      403,
      'Suspects and victims are added by the police of the case’s district while they investigate it, and by the prosecutor until the court has ruled.',
    )
  return k
}

/** A form with a fresh key when its own was damaged, so it can be sent once it is right. */
function withKey(form: FormState): FormState {
  const key = form.values.submission_key
  if (typeof key !== 'string' || !/^[A-Za-z0-9_-]{16,64}$/.test(key)) form.values.submission_key = newKey()
  return form
}

/** What a refused change answers: the field's message (422), or the stale page or the rule (409). */
function refused(
  c: Context<AppEnv>,
  caseId: string,
  result: Exclude<PartyResult, { ok: true }>,
  again: (errors: FormState['errors']) => Response | Promise<Response>,
) {
  if ('field' in result) return again({ [result.field]: result.message })
  return conflictPage(c, {
    what: 'criminal case',
    entity: 'criminal_case',
    entityId: caseId,
    backHref: `/cases/${caseId}`,
    refusal: result.conflict ? undefined : result.reason,
  })
}

export const casePartyRoutes = new Hono<AppEnv>()
  .get('/cases/:id/suspects/new', steppers, caseIdValidator, async (c) => {
    const k = await partiesCase(c, c.req.valid('param').id)
    return renderPage(
      c,
      <SuspectFormPage ctx={pageContext(c)} k={k} form={emptyForm({ submission_key: newKey() })} />,
    )
  })
  .post('/cases/:id/suspects/new', steppers, caseIdValidator, async (c) => {
    const { id } = c.req.valid('param')
    const k = await loadCase(c, id)
    const parsed = await parseForm(c, suspectSchema)
    const again = (errors: FormState['errors']) =>
      renderPage(
        c,
        <SuspectFormPage
          ctx={pageContext(c)}
          k={k}
          form={withKey({ values: typedValues(parsed.body), errors })}
        />,
        422,
      )
    if (!parsed.ok) return again(parsed.form.errors)
    const result = await c
      .get('db')
      .transaction()
      .execute((trx) => addSuspect(trx, actorOf(c), caseActorOf(c.get('user')!), id, parsed.data))
    if (!result.ok) return refused(c, id, result, again)
    return c.redirect(`/cases/${id}${result.created ? '?done=suspect_added' : ''}#suspects-title`, 303)
  })
  .get('/cases/:id/victims/new', steppers, caseIdValidator, async (c) => {
    const k = await partiesCase(c, c.req.valid('param').id)
    return renderPage(
      c,
      <VictimsFormPage
        ctx={pageContext(c)}
        k={k}
        form={emptyForm({ submission_key: newKey(), referred_nrm: '0' })}
        fromInspection={k.inspection_id !== null}
      />,
    )
  })
  .post('/cases/:id/victims/new', steppers, caseIdValidator, async (c) => {
    const { id } = c.req.valid('param')
    const k = await loadCase(c, id)
    const parsed = await parseForm(c, victimsSchema)
    const again = (errors: FormState['errors']) =>
      renderPage(
        c,
        <VictimsFormPage
          ctx={pageContext(c)}
          k={k}
          form={withKey({ values: typedValues(parsed.body), errors })}
          fromInspection={k.inspection_id !== null}
        />,
        422,
      )
    if (!parsed.ok) return again(parsed.form.errors)
    const result = await c
      .get('db')
      .transaction()
      .execute((trx) => addVictims(trx, actorOf(c), caseActorOf(c.get('user')!), id, parsed.data))
    if (!result.ok) return refused(c, id, result, again)
    return c.redirect(`/cases/${id}${result.created ? '?done=victims_added' : ''}#victims-title`, 303)
  })
  .get('/cases/:id/suspects/:suspectId/verdict', steppers, suspectValidator, async (c) => {
    const { id, suspectId } = c.req.valid('param')
    const { k, suspect } = await loadSuspect(c, id, suspectId)
    if (!canRecordSuspectVerdict(k.stage, caseActorOf(c.get('user')!)))
      throw new PageError(403, 'A suspect’s ruling is recorded by the prosecutor while the case is in court.')
    const values = suspect.verdict
      ? {
          verdict: suspect.verdict,
          verdict_on: suspect.verdict_on ?? undefined,
          prison_months: suspect.prison_months === null ? undefined : String(suspect.prison_months),
          prison_suspended: suspect.prison_suspended ? 'yes' : undefined,
          fine: suspect.fine_minor === null ? undefined : String(suspect.fine_minor / 100),
        }
      : { verdict_on: todayInLesotho() }
    return renderPage(
      c,
      <SuspectVerdictPage ctx={pageContext(c)} k={k} suspect={suspect} form={emptyForm(values)} />,
    )
  })
  .post('/cases/:id/suspects/:suspectId/verdict', steppers, suspectValidator, async (c) => {
    const { id, suspectId } = c.req.valid('param')
    const { k, suspect } = await loadSuspect(c, id, suspectId)
    const parsed = await parseForm(c, suspectVerdictSchema)
    const again = (errors: FormState['errors']) =>
      renderPage(
        c,
        <SuspectVerdictPage
          ctx={pageContext(c)}
          k={k}
          suspect={suspect}
          form={{ values: typedValues(parsed.body), errors }}
        />,
        422,
      )
    const errors = {
      ...(parsed.ok ? {} : parsed.form.errors),
      ...futureDates(parsed.ok ? parsed.data : parsed.form.values, ['verdict_on']),
      ...(parsed.ok && parsed.data.fine?.currency === 'ZAR' ? { fine: 'Enter the fine in maloti' } : {}),
    }
    if (!parsed.ok || Object.keys(errors).length > 0) return again(errors)
    const v = parsed.data
    const result = await c
      .get('db')
      .transaction()
      .execute((trx) =>
        recordSuspectVerdict(
          trx,
          actorOf(c),
          caseActorOf(c.get('user')!),
          { caseId: id, suspectId, version: v.version },
          {
            verdict: v.verdict,
            verdict_on: v.verdict_on,
            prison_months: v.verdict === 'convicted' ? (v.prison_months ?? null) : null,
            prison_suspended:
              v.verdict === 'convicted' && v.prison_months !== undefined ? v.prison_suspended : null,
            fine_minor: v.verdict === 'convicted' ? (v.fine?.minor ?? null) : null,
          },
        ),
      )
    if (!result.ok) return refused(c, id, result, again)
    return c.redirect(`/cases/${id}?done=suspect_verdict#suspects-title`, 303)
  })
  .get('/cases/:id/suspects/:suspectId/overturn', steppers, suspectValidator, async (c) => {
    const { id, suspectId } = c.req.valid('param')
    const { k, suspect } = await loadSuspect(c, id, suspectId)
    if (!canOverturn(suspect, caseActorOf(c.get('user')!)))
      throw new PageError(403, 'Only a standing conviction can be overturned, by the prosecutor.')
    return renderPage(
      c,
      <OverturnPage
        ctx={pageContext(c)}
        k={k}
        suspect={suspect}
        form={emptyForm({ overturned_on: todayInLesotho() })}
      />,
    )
  })
  .post('/cases/:id/suspects/:suspectId/overturn', steppers, suspectValidator, async (c) => {
    const { id, suspectId } = c.req.valid('param')
    const { k, suspect } = await loadSuspect(c, id, suspectId)
    const parsed = await parseForm(c, overturnSchema)
    const again = (errors: FormState['errors']) =>
      renderPage(
        c,
        <OverturnPage
          ctx={pageContext(c)}
          k={k}
          suspect={suspect}
          form={{ values: typedValues(parsed.body), errors }}
        />,
        422,
      )
    const errors = {
      ...(parsed.ok ? {} : parsed.form.errors),
      ...futureDates(parsed.ok ? parsed.data : parsed.form.values, ['overturned_on']),
    }
    if (!parsed.ok || Object.keys(errors).length > 0) return again(errors)
    const result = await c
      .get('db')
      .transaction()
      .execute((trx) =>
        overturnConviction(
          trx,
          actorOf(c),
          caseActorOf(c.get('user')!),
          { caseId: id, suspectId, version: parsed.data.version },
          parsed.data,
        ),
      )
    if (!result.ok) return refused(c, id, result, again)
    return c.redirect(`/cases/${id}?done=conviction_overturned#suspects-title`, 303)
  })
