import { randomBytes } from 'node:crypto'
import { type Context, Hono } from 'hono'
import { z } from 'zod'
import { DeviceDraftsPage } from '../../views/inspections/device-drafts.js'
import { DueListPage, DueResults } from '../../views/inspections/due-list.js'
import { InspectionFormPage } from '../../views/inspections/inspection-form.js'
import { AlreadySubmittedPage, InspectionPage } from '../../views/inspections/inspection-page.js'
import { conflictPage } from '../audit/conflict.js'
import { ALL_STAFF, actorOf, requireRole } from '../auth/guard.js'
import { CASE_READERS, canOpenCases } from '../cases/access.js'
import { casesOpenedFrom } from '../cases/queries.js'
import type { AppEnv } from '../http/env.js'
import { listFilter, requiredText } from '../http/fields.js'
import { keptResponses } from '../http/kept-responses.js'
import { pageParam } from '../http/pagination.js'
import { PageError } from '../http/problems.js'
import { pageContext, renderPage, renderPageOrPartial } from '../http/render.js'
import {
  emptyForm,
  type FormState,
  fieldErrors,
  formBody,
  paramOr404,
  typedValues,
} from '../http/validation.js'
import { lesothoLocal } from '../time.js'
import { DISTRICTS, type Role } from '../vocabulary.js'
import { canWriteWorksites } from '../worksites/access.js'
import { findWorksite } from '../worksites/queries.js'
import { INSPECTION_WRITERS, PHOTO_READERS } from './access.js'
import { teamFor } from './confirmation-rules.js'
import { latestConfirmation, recordSideOf } from './confirmations.js'
import { DUE_PER_PAGE, dueForInspection } from './due.js'
import { formValuesOf } from './form-values.js'
import { loadDetails } from './load-details.js'
import { markFollowUpDone } from './queries.js'
import { amendInspection, saveInspection } from './save-inspection.js'
import { parseInspectionForm } from './schemas.js'

const writers = requireRole(...INSPECTION_WRITERS)
// The due list is kept per viewer (src/http/kept-responses.ts), its figures being heavy; the
// ranking under it is shared by all (src/inspections/due.ts).
const kept = keptResponses()
const readers = requireRole(...ALL_STAFF)

const validId = (what: string) =>
  paramOr404(z.object({ id: z.uuid() }), `There is no ${what} at this address.`)
const idValidator = validId('inspection')
const canRecord = (user: { role: Role } | null) => user !== null && INSPECTION_WRITERS.includes(user.role)

const NOTICES: Record<string, string> = {
  submitted: 'The inspection has been submitted. It is now locked.',
  draft: 'The draft has been saved. Continue it here or from the worksite when you are ready.',
  unchanged: 'This inspection had already been submitted; nothing was changed.',
  amended: 'The amendment has been saved. The record as first submitted is kept.',
  follow_up_done: 'The follow-up has been marked done.',
  confirmed: 'The record has been confirmed by both services.',
}

const newKey = () => randomBytes(18).toString('base64url')

async function worksiteFor(c: Context<AppEnv>, id: string | undefined) {
  const parsed = z.uuid().safeParse(id)
  const worksite = parsed.success ? await findWorksite(c.get('db'), parsed.data) : undefined
  if (!worksite)
    throw new PageError(404, 'There is no worksite at this address. Choose one from the register.')
  return worksite
}

/** The worksite a form names, if it names one (a blank one is added on the spot). */
async function worksiteOfForm(c: Context<AppEnv>, id: unknown) {
  return typeof id === 'string' && id !== '' ? worksiteFor(c, id) : null
}

function renderForm(
  c: Context<AppEnv>,
  form: FormState,
  /** Null when the worksite is added on the spot. */
  worksite: { id: string; name: string; district: string } | null,
  status: 200 | 422,
  options: { amend?: { id: string; version: number }; freshKey?: boolean } = {},
) {
  return renderPage(
    c,
    <InspectionFormPage ctx={pageContext(c)} form={form} worksite={worksite} {...options} />,
    status,
  )
}

/** An inspection as this person may see it: a draft only to the one who started it. */

const amendmentReason = requiredText({
  max: 2000,
  multiline: true,
  messages: { required: 'Say why the record is being amended' },
})

const dueQuery = z.object({
  district: listFilter(DISTRICTS, 'a district'),
  page: pageParam,
})

export const inspectionRoutes = new Hono<AppEnv>()
  .get('/inspections/due', readers, kept, async (c) => {
    const raw = c.req.query()
    const parsed = dueQuery.safeParse(raw)
    const user = c.get('user')!
    const district = (parsed.success ? parsed.data.district : undefined) ?? user.homeDistrict
    const page = parsed.success ? parsed.data.page : 1
    const { rows, total } = await dueForInspection(c.get('db'), district, page)
    const filters: FormState = {
      values: { ...typedValues(raw), district },
      errors: parsed.success ? {} : fieldErrors(parsed.error),
    }
    delete filters.values.page
    const results = {
      rows,
      paging: { page, perPage: DUE_PER_PAGE, total },
      filters,
      district,
      canAdd: canWriteWorksites(user),
    }
    return renderPageOrPartial(
      c,
      <DueListPage ctx={pageContext(c)} {...results} />,
      <DueResults {...results} />,
      parsed.success ? 200 : 422,
    )
  })
  .get('/inspections/device', writers, (c) => renderPage(c, <DeviceDraftsPage ctx={pageContext(c)} />))
  // The device sends kept records with a token fetched just before: a kept page's may be old.
  .get('/inspections/send-token', writers, (c) => {
    c.header('Cache-Control', 'no-store')
    return c.json({ token: c.get('csrfToken')() })
  })
  // Without a worksite the form adds one on the spot. Both forms are kept for offline use.
  .get('/inspections/new', writers, async (c) => {
    const worksite = await worksiteOfForm(c, c.req.query('worksite'))
    const user = c.get('user')!
    return renderForm(
      c,
      emptyForm({
        idempotency_key: newKey(),
        visited_at: lesothoLocal(new Date()),
        lead_inspector: user.role === 'inspector' ? user.name : '',
      }),
      worksite,
      200,
      { freshKey: true },
    )
  })
  .post('/inspections', writers, async (c) => {
    const body = await formBody(c)
    // The worksite is read for showing the form again; a stored record needs no second read.
    const refuse = async (errors: Record<string, string>) =>
      renderForm(c, { values: typedValues(body), errors }, await worksiteOfForm(c, body.worksite_id), 422)
    const parsed = parseInspectionForm(body, new Date())
    if (parsed.errors) return refuse(parsed.errors)
    const actor = actorOf(c)
    const result = await saveInspection(c.get('db'), { ...actor, id: actor.id! }, parsed.record)
    if ('refused' in result) return refuse(result.refused)
    if ('differs' in result)
      return renderPage(c, <AlreadySubmittedPage ctx={pageContext(c)} id={result.id} />, 409)
    return c.redirect(`/inspections/${result.id}?done=${result.saved}`, 303)
  })
  .get('/inspections/:id', readers, idValidator, async (c) => {
    const id = c.req.valid('param').id
    const [details, confirmation, side, cases] = await Promise.all([
      loadDetails(c, id),
      latestConfirmation(c.get('db'), id),
      recordSideOf(c.get('db'), id),
      casesOpenedFrom(c.get('db'), 'inspection_id', id),
    ])
    // Only a record naming someone of the other service on its team can be confirmed by both.
    const confirmable = side !== null && teamFor(side.role, details.inspection).length > 0
    const done = c.req.query('done')
    return renderPage(
      c,
      <InspectionPage
        ctx={pageContext(c)}
        details={details}
        notice={done ? NOTICES[done] : undefined}
        canChange={canRecord(c.get('user'))}
        confirmation={confirmation}
        confirmable={confirmable}
        canSeePhotos={PHOTO_READERS.includes(c.get('user')!.role)}
        cases={cases}
        canReadCases={CASE_READERS.includes(c.get('user')!.role)}
        canOpenCase={canOpenCases(c.get('user'))}
      />,
    )
  })
  // A submitted record is corrected by an amendment: the form again, with a reason.
  .get('/inspections/:id/amend', writers, idValidator, async (c) => {
    const details = await loadDetails(c, c.req.valid('param').id)
    const { inspection } = details
    if (inspection.status === 'draft') return c.redirect(`/inspections/${inspection.id}/edit`, 303)
    const worksite = await worksiteFor(c, inspection.worksite_id)
    return renderForm(c, emptyForm(formValuesOf(details)), worksite, 200, { amend: inspection })
  })
  .post('/inspections/:id/amend', writers, idValidator, async (c) => {
    const details = await loadDetails(c, c.req.valid('param').id)
    const { inspection } = details
    const worksite = await worksiteFor(c, inspection.worksite_id)
    const body = await formBody(c)
    const values = typedValues(body)
    const version = Number(body.version)
    const amend = { id: inspection.id, version: Number.isInteger(version) ? version : inspection.version }
    // The record keeps its key and worksite whatever the form says.
    const parsed = parseInspectionForm(
      {
        ...body,
        idempotency_key: inspection.idempotency_key,
        worksite_id: inspection.worksite_id,
        action: 'submit',
      },
      new Date(),
    )
    const reason = amendmentReason.safeParse(body.amendment_reason ?? '')
    const errors = {
      ...(parsed.errors ?? {}),
      ...(reason.success ? {} : { amendment_reason: reason.error.issues[0]!.message }),
    }
    if (!parsed.record || !reason.success) return renderForm(c, { values, errors }, worksite, 422, { amend })
    const record = parsed.record
    const actor = actorOf(c)
    const result = await c
      .get('db')
      .transaction()
      .execute((trx) =>
        amendInspection(trx, { ...actor, id: actor.id! }, inspection.id, amend.version, reason.data, record),
      )
    if ('refused' in result)
      return renderForm(c, { values, errors: result.refused }, worksite, 422, { amend })
    if ('stale' in result)
      return conflictPage(c, {
        what: 'inspection',
        entity: 'inspection',
        entityId: inspection.id,
        backHref: `/inspections/${inspection.id}`,
      })
    return c.redirect(`/inspections/${inspection.id}?done=amended`, 303)
  })
  .post('/follow-ups/:id/done', writers, validId('follow-up'), async (c) => {
    const actor = actorOf(c)
    const done = await c
      .get('db')
      .transaction()
      .execute((trx) => markFollowUpDone(trx, { ...actor, id: actor.id! }, c.req.valid('param').id))
    if (!done) throw new PageError(409, 'This follow-up had already been marked done, or no longer exists.')
    return c.redirect(`/inspections/${done.inspection_id}?done=follow_up_done`, 303)
  })
  // A draft opens again in the form, under its own key: submitting it replaces the draft.
  .get('/inspections/:id/edit', writers, idValidator, async (c) => {
    const details = await loadDetails(c, c.req.valid('param').id)
    if (details.inspection.status === 'submitted')
      return c.redirect(`/inspections/${details.inspection.id}`, 303)
    const worksite = await worksiteFor(c, details.inspection.worksite_id)
    return renderForm(c, emptyForm(formValuesOf(details)), worksite, 200)
  })
