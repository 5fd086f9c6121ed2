import { type Context, Hono } from 'hono'
import { z } from 'zod'
import { AppealListPage, AppealPage, NewAppealPage } from '../../views/licensing/appeal-pages.js'
import { agencyNamed } from '../agencies/queries.js'
import { agencyIdValidator } from '../agencies/routes.js'
import { conflictPage } from '../audit/conflict.js'
import { actorOf, requireRole } from '../auth/guard.js'
import type { AppEnv } from '../http/env.js'
import { dateField, requiredText, versionField } from '../http/fields.js'
import { PageError } from '../http/problems.js'
import { pageContext, renderPage } from '../http/render.js'
import { emptyForm, type FormState, paramOr404, parseForm } from '../http/validation.js'
import { todayInLesotho } from '../time.js'
import { LICENSING_WRITERS } from './access.js'
import { appealableDecisions, appealDetails, appealList, decideOnAppeal, lodgeAppeal } from './appeals.js'

// Appeals: the licensing office records one as received; a licensing manager decides it.

const APPEAL_READERS = ['licensing_manager', 'licensing_officer', 'admin'] as const
const readers = requireRole(...APPEAL_READERS)
const recorders = requireRole(...LICENSING_WRITERS)
const deciders = requireRole('licensing_manager')
const appealIdValidator = paramOr404(z.object({ id: z.uuid() }), 'There is no appeal at this address.')
const reason = (what: string) =>
  requiredText({
    max: 4000,
    multiline: true,
    messages: { required: `Enter ${what}`, tooLong: () => 'Must be 4,000 characters or fewer' },
  })
const appealSchema = z.object({
  decision: z.string().regex(/^(application:[0-9a-f-]{36}|event:\d{1,15})$/, 'Choose the decision appealed'),
  lodged_on: dateField('Enter the day the appeal was received, like 2026-12-31'),
  grounds: reason('the grounds of the appeal'),
})
const decideSchema = z.object({
  version: versionField,
  decision: z.enum(['uphold', 'overturn'], { error: 'Choose to uphold or overturn' }),
  reason: reason('the reason for the decision'),
})
const DONE: Record<string, string> = {
  lodged: 'The appeal has been recorded. A licensing manager decides it.',
  upheld: 'The appeal was dismissed: the decision stands.',
  overturned: 'The appeal was allowed: the decision has been undone.',
}

async function loadAgency(c: Context<AppEnv>, id: string) {
  const agency = await agencyNamed(c.get('db'), id)
  if (!agency) throw new PageError(404, 'There is no agency at this address.')
  return agency
}

async function showAppeal(
  c: Context<AppEnv>,
  id: string,
  form: FormState = emptyForm(),
  status: 200 | 422 = 200,
) {
  const appeal = await appealDetails(c.get('db'), id)
  if (!appeal) throw new PageError(404, 'There is no appeal at this address.')
  const user = c.get('user')!
  const done = c.req.query('done')
  return renderPage(
    c,
    <AppealPage
      ctx={pageContext(c)}
      appeal={appeal}
      canDecide={user.role === 'licensing_manager' && user.id !== appeal.decided_by_officer}
      form={form}
      notice={done ? DONE[done] : undefined}
    />,
    status,
  )
}

export const appealRoutes = new Hono<AppEnv>()
  .get('/appeals', readers, async (c) =>
    renderPage(c, <AppealListPage ctx={pageContext(c)} rows={await appealList(c.get('db'))} />),
  )
  .get('/agencies/:id/appeals/new', recorders, agencyIdValidator, async (c) => {
    const agency = await loadAgency(c, c.req.valid('param').id)
    const today = todayInLesotho()
    const decisions = await appealableDecisions(c.get('db'), agency.id, today, c.get('config').APPEAL_DAYS)
    return renderPage(
      c,
      <NewAppealPage
        ctx={pageContext(c)}
        agency={agency}
        decisions={decisions}
        form={emptyForm({ lodged_on: today, decision: decisions[0]?.ref ?? '' })}
      />,
    )
  })
  .post('/agencies/:id/appeals', recorders, agencyIdValidator, async (c) => {
    const agency = await loadAgency(c, c.req.valid('param').id)
    const today = todayInLesotho()
    const days = c.get('config').APPEAL_DAYS
    const parsed = await parseForm(c, appealSchema)
    if (!parsed.ok) {
      const decisions = await appealableDecisions(c.get('db'), agency.id, today, days)
      return renderPage(
        c,
        <NewAppealPage ctx={pageContext(c)} agency={agency} decisions={decisions} form={parsed.form} />,
        422,
      )
    }
    const result = await c
      .get('db')
      .transaction()
      .execute((trx) =>
        lodgeAppeal(trx, actorOf(c), {
          agencyId: agency.id,
          ref: parsed.data.decision,
          lodgedOn: parsed.data.lodged_on,
          grounds: parsed.data.grounds,
          today,
          days,
        }),
      )
    if (!result.ok)
      return conflictPage(c, {
        what: 'agency',
        entity: 'agency',
        entityId: agency.id,
        backHref: `/agencies/${agency.id}`,
        refusal: result.reason,
      })
    return c.redirect(`/appeals/${result.id}?done=lodged`, 303)
  })
  .get('/appeals/:id', readers, appealIdValidator, (c) => showAppeal(c, c.req.valid('param').id))
  .post('/appeals/:id/decide', deciders, appealIdValidator, async (c) => {
    const { id } = c.req.valid('param')
    const parsed = await parseForm(c, decideSchema)
    if (!parsed.ok) return showAppeal(c, id, parsed.form, 422)
    const user = c.get('user')!
    const result = await c
      .get('db')
      .transaction()
      .execute((trx) =>
        decideOnAppeal(trx, { ...actorOf(c), id: user.id, role: user.role }, { id, ...parsed.data }),
      )
    if (!result.ok)
      return conflictPage(c, {
        what: 'appeal',
        entity: 'licence_appeal',
        entityId: id,
        backHref: `/appeals/${id}`,
        refusal: result.conflict ? undefined : result.reason,
      })
    return c.redirect(
      `/appeals/${id}?done=${parsed.data.decision === 'overturn' ? 'overturned' : 'upheld'}`,
      303,
    )
  })
