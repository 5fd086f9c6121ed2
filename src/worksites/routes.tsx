import { type Context, Hono } from 'hono'
import { MergedWorksitePage } from '../../views/worksites/merge-page.js'
import { WorksiteFormPage } from '../../views/worksites/worksite-form.js'
import { WorksiteListPage, WorksiteResults } from '../../views/worksites/worksite-list.js'
import { WorksitePage } from '../../views/worksites/worksite-page.js'
import { writeAudit } from '../audit/audit.js'
import { conflictPage } from '../audit/conflict.js'
import { actorOf, requireRole } from '../auth/guard.js'
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
import { INSPECTION_WRITERS } from '../inspections/access.js'
import { inspectionsOfWorksite, openFollowUps, recruitersSeenAt } from '../inspections/queries.js'
import { todayInLesotho } from '../time.js'
import { canWriteWorksites, WORKSITE_MERGERS, WORKSITE_READERS, WORKSITE_WRITERS } from './access.js'
import { likelyDuplicatesOf } from './merge.js'
import {
  findWorksite,
  insertWorksite,
  listWorksites,
  updateWorksiteAtVersion,
  WORKSITES_PER_PAGE,
  type Worksite,
} from './queries.js'
import { newWorksiteQuery, worksiteFiltersSchema, worksiteIdParam, worksiteSchema } from './schemas.js'

const readers = requireRole(...WORKSITE_READERS)
const writers = requireRole(...WORKSITE_WRITERS)
const idValidator = paramOr404(worksiteIdParam, 'There is no worksite at this address.')

const NOTICES: Record<string, string> = {
  added: 'The worksite has been added.',
  saved: 'Your changes have been saved.',
}

const formValues = (w: Worksite) =>
  emptyForm({
    name: w.name,
    kind: w.kind,
    sector: w.sector,
    operator: w.operator ?? '',
    district: w.district,
    village: w.village,
    latitude: w.latitude === null ? '' : String(w.latitude),
    longitude: w.longitude === null ? '' : String(w.longitude),
    approx_workers: w.approx_workers === null ? '' : String(w.approx_workers),
  })

function renderForm(
  c: Context<AppEnv>,
  form: FormState,
  status: 200 | 422,
  worksite?: { id: string; name: string; version: number; last_inspected_at: Date | null },
) {
  return renderPage(c, <WorksiteFormPage ctx={pageContext(c)} form={form} worksite={worksite} />, status)
}

async function loadWorksite(c: Context<AppEnv>, id: string) {
  const worksite = await findWorksite(c.get('db'), id)
  if (!worksite) throw new PageError(404, 'There is no worksite at this address.')
  return worksite
}

export const worksiteRoutes = new Hono<AppEnv>()
  .get('/worksites', readers, async (c) => {
    const raw = c.req.query()
    const parsed = worksiteFiltersSchema.safeParse(raw)
    const filters = parsed.success ? parsed.data : { page: 1 }
    const form = { values: typedValues(raw), errors: parsed.success ? {} : fieldErrors(parsed.error) }
    delete form.values.page
    const { rows, total } = await listWorksites(c.get('db'), filters)
    const paging = { page: filters.page, perPage: WORKSITES_PER_PAGE, total }
    return renderPageOrPartial(
      c,
      <WorksiteListPage
        ctx={pageContext(c)}
        rows={rows}
        paging={paging}
        filters={form}
        canWrite={canWriteWorksites(c.get('user'))}
        canMerge={WORKSITE_MERGERS.includes(c.get('user')!.role)}
      />,
      <WorksiteResults rows={rows} paging={paging} filters={form} />,
      parsed.success ? 200 : 422,
    )
  })
  .get('/worksites/new', writers, (c) => {
    const { district } = newWorksiteQuery.parse(c.req.query())
    return renderForm(c, emptyForm(district ? { district } : {}), 200)
  })
  .post('/worksites', writers, async (c) => {
    const parsed = await parseForm(c, worksiteSchema)
    if (!parsed.ok) return renderForm(c, parsed.form, 422)
    const input = parsed.data
    const actor = actorOf(c)
    const worksite = await c
      .get('db')
      .transaction()
      .execute(async (trx) => {
        const added = await insertWorksite(trx, input)
        await writeAudit(trx, actor, {
          action: 'worksite.added',
          entity: 'worksite',
          entityId: added.id,
          after: added,
        })
        return added
      })
    return c.redirect(`/worksites/${worksite.id}?done=added`, 303)
  })
  .get('/worksites/:id', readers, idValidator, async (c) => {
    const worksite = await loadWorksite(c, c.req.valid('param').id)
    const done = c.req.query('done')
    const user = c.get('user')
    const db = c.get('db')
    if (worksite.merged_into_id) {
      const survivor = await loadWorksite(c, worksite.merged_into_id)
      return renderPage(
        c,
        <MergedWorksitePage ctx={pageContext(c)} worksite={worksite} survivor={survivor} />,
      )
    }
    const canMerge = WORKSITE_MERGERS.includes(user!.role)
    const [inspections, followUps, recruiters, duplicates] = await Promise.all([
      inspectionsOfWorksite(db, worksite.id, user!.id),
      openFollowUps(db, { worksiteId: worksite.id }),
      recruitersSeenAt(db, worksite.id),
      canMerge ? likelyDuplicatesOf(db, worksite) : [],
    ])
    const moved = Number(c.req.query('moved'))
    const notice =
      done === 'merged'
        ? `The duplicate has been merged into this worksite${Number.isInteger(moved) && moved > 0 ? `: ${moved === 1 ? '1 inspection' : `${moved} inspections`} moved here` : ''}.`
        : done
          ? NOTICES[done]
          : undefined
    return renderPage(
      c,
      <WorksitePage
        ctx={pageContext(c)}
        worksite={worksite}
        inspections={inspections}
        followUps={followUps}
        recruiters={recruiters}
        today={todayInLesotho()}
        canRecordInspection={user !== null && INSPECTION_WRITERS.includes(user.role)}
        canWrite={canWriteWorksites(user)}
        likelyDuplicates={canMerge ? duplicates : null}
        notice={notice}
      />,
    )
  })
  .get('/worksites/:id/edit', writers, idValidator, async (c) => {
    const worksite = await loadWorksite(c, c.req.valid('param').id)
    return renderForm(c, formValues(worksite), 200, worksite)
  })
  .post('/worksites/:id/edit', writers, idValidator, async (c) => {
    const { id } = c.req.valid('param')
    const db = c.get('db')
    const before = await loadWorksite(c, id)
    const parsed = await parseForm(c, worksiteSchema)
    if (!parsed.ok)
      return renderForm(c, parsed.form, 422, {
        ...before,
        version: Number(parsed.form.values.version) || before.version,
      })
    const input = parsed.data
    const actor = actorOf(c)
    const updated = await db.transaction().execute(async (trx) => {
      const after = await updateWorksiteAtVersion(trx, id, input.version ?? 0, input)
      if (!after) return null
      await writeAudit(trx, actor, {
        action: 'worksite.updated',
        entity: 'worksite',
        entityId: id,
        before,
        after,
      })
      return after
    })
    if (!updated)
      return conflictPage(c, {
        what: 'worksite',
        entity: 'worksite',
        entityId: id,
        backHref: `/worksites/${id}`,
      })
    return c.redirect(`/worksites/${id}?done=saved`, 303)
  })
