import { type Context, Hono } from 'hono'
import { z } from 'zod'
import { NewNoticePage, NoticePage } from '../../views/licensing/notice-pages.js'
import { agencyIdValidator } from '../agencies/routes.js'
import { conflictPage } from '../audit/conflict.js'
import { actorOf, requireRole } from '../auth/guard.js'
import type { AppEnv } from '../http/env.js'
import { PageError } from '../http/problems.js'
import { pageContext, renderPage } from '../http/render.js'
import { emptyForm, type FormState, paramOr404, parseForm, typedValues } from '../http/validation.js'
import { todayInLesotho } from '../time.js'
import { canWriteLicensing, LICENSING_READERS, LICENSING_WRITERS } from './access.js'
import { noticeDateProblems, representationsDue } from './lifecycle.js'
import {
  decideOnNotice,
  giveNotice,
  groundsOf,
  type NoticeResult,
  noticeDetails,
  recordRepresentations,
} from './notices.js'
import { noticeDecisionSchema, noticeIdParam, noticeSchema, representationsSchema } from './schemas.js'

// Due process before a suspension or revocation: the notice, the agency's representations, the
// decision (src/licensing/notices.ts).

const readers = requireRole(...LICENSING_READERS)
const writers = requireRole(...LICENSING_WRITERS)
const noticeIdValidator = paramOr404(noticeIdParam, 'There is no notice at this address.')

const DONE: Record<string, string> = {
  given: 'The notice has been given. Send it to the agency with the grounds and the date.',
  representations: 'The agency’s answer has been recorded.',
  proceeded: 'The intended action has taken effect: the licence has changed (see the agency page).',
  withdrawn: 'The notice has been withdrawn.',
}

async function agencyWithLicence(c: Context<AppEnv>, id: string) {
  const row = await c
    .get('db')
    .selectFrom('agencies')
    .innerJoin('licences', 'licences.agency_id', 'agencies.id')
    .select(['agencies.id', 'agencies.legal_name', 'licences.licence_number'])
    .where('agencies.id', '=', id)
    .executeTakeFirst()
  if (!row) throw new PageError(404, 'This agency has no licence to give notice on.')
  return row
}

async function showNotice(
  c: Context<AppEnv>,
  id: string,
  forms: { representations?: FormState; decision?: FormState; status?: 200 | 422 } = {},
) {
  const notice = await noticeDetails(c.get('db'), id)
  if (!notice) throw new PageError(404, 'There is no notice at this address.')
  const done = c.req.query('done')
  const grounds = await groundsOf(c.get('db'), notice.agency_id)
  const linked = {
    complaints: grounds.complaints.filter((g) => notice.complaint_ids.includes(g.id)),
    findings: grounds.findings.filter((g) => notice.finding_ids.includes(g.id)),
  }
  return renderPage(
    c,
    <NoticePage
      ctx={pageContext(c)}
      notice={notice}
      linked={linked}
      today={todayInLesotho()}
      canWrite={canWriteLicensing(c.get('user'))}
      representationsForm={forms.representations ?? emptyForm()}
      decisionForm={forms.decision ?? emptyForm()}
      notice_={done ? DONE[done] : undefined}
    />,
    forms.status ?? 200,
  )
}

/** After a change: the notice again, or why not (409 with who changed it, or the rule's reason). */
function afterChange(c: Context<AppEnv>, id: string, result: NoticeResult, done: string) {
  if (result.ok) return c.redirect(`/notices/${result.id}?done=${done}`, 303)
  return conflictPage(c, {
    what: 'notice',
    entity: 'licence_notice',
    entityId: id,
    backHref: `/notices/${id}`,
    refusal: result.reason,
  })
}

export const noticeRoutes = new Hono<AppEnv>()
  .get('/agencies/:id/notices/new', writers, agencyIdValidator, async (c) => {
    const agency = await agencyWithLicence(c, c.req.valid('param').id)
    const action = c.req.query('action') === 'revoke' ? 'revoke' : 'suspend'
    const days = c.get('config').REPRESENTATION_DAYS
    return renderPage(
      c,
      <NewNoticePage
        ctx={pageContext(c)}
        agency={agency}
        licenceNumber={agency.licence_number}
        form={emptyForm({ action, respond_by: representationsDue(todayInLesotho(), days) })}
        grounds={await groundsOf(c.get('db'), agency.id)}
      />,
    )
  })
  .post('/agencies/:id/notices', writers, agencyIdValidator, async (c) => {
    const agency = await agencyWithLicence(c, c.req.valid('param').id)
    const parsed = await parseForm(c, noticeSchema)
    const today = todayInLesotho()
    const dateProblems = parsed.ok ? noticeDateProblems(parsed.data, today) : {}
    if (!parsed.ok || Object.keys(dateProblems).length > 0) {
      const form: FormState = parsed.ok
        ? { values: typedValues(parsed.body), errors: dateProblems }
        : parsed.form
      return renderPage(
        c,
        <NewNoticePage
          ctx={pageContext(c)}
          agency={agency}
          licenceNumber={agency.licence_number}
          form={form}
          grounds={await groundsOf(c.get('db'), agency.id)}
        />,
        422,
      )
    }
    const input = parsed.data
    const result = await c
      .get('db')
      .transaction()
      .execute((trx) =>
        giveNotice(trx, actorOf(c), {
          agencyId: agency.id,
          action: input.action,
          grounds: input.grounds,
          complaintIds: input.complaint_ids,
          findingIds: input.finding_ids,
          publicReason: input.public_reason,
          suspendedUntil: input.suspended_until ?? null,
          respondBy: input.respond_by,
        }),
      )
    if (!result.ok)
      return conflictPage(c, {
        what: 'licence',
        entity: 'licence',
        entityId: agency.id,
        backHref: `/agencies/${agency.id}`,
        refusal: result.reason,
      })
    return c.redirect(`/notices/${result.id}?done=given`, 303)
  })
  .get('/notices/:id', readers, noticeIdValidator, (c) => showNotice(c, c.req.valid('param').id))
  .post('/notices/:id/representations', writers, noticeIdValidator, async (c) => {
    const { id } = c.req.valid('param')
    const parsed = await parseForm(c, representationsSchema)
    if (!parsed.ok) return showNotice(c, id, { representations: parsed.form, status: 422 })
    const today = todayInLesotho()
    const result = await c
      .get('db')
      .transaction()
      .execute((trx) =>
        recordRepresentations(trx, actorOf(c), {
          id,
          version: parsed.data.version,
          representations: parsed.data.answer === 'none' ? null : (parsed.data.representations ?? null),
          receivedOn: parsed.data.received_on ?? null,
          today,
        }),
      )
    return afterChange(c, id, result, 'representations')
  })
  .post('/notices/:id/decide', writers, noticeIdValidator, async (c) => {
    const { id } = c.req.valid('param')
    const parsed = await parseForm(
      c,
      noticeDecisionSchema.extend({ decision: z.enum(['proceed', 'withdraw']) }),
    )
    if (!parsed.ok) return showNotice(c, id, { decision: parsed.form, status: 422 })
    const { decision, version, reason } = parsed.data
    const result = await c
      .get('db')
      .transaction()
      .execute((trx) => decideOnNotice(trx, actorOf(c), { id, version, decision, reason }))
    return afterChange(c, id, result, decision === 'proceed' ? 'proceeded' : 'withdrawn')
  })
