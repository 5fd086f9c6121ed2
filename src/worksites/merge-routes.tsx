import { type Context, Hono } from 'hono'
import { z } from 'zod'
import { DuplicatesPage, MergePage } from '../../views/worksites/merge-page.js'
import { conflictPage } from '../audit/conflict.js'
import { actorOf, requireRole } from '../auth/guard.js'
import type { AppEnv } from '../http/env.js'
import { blankToUndefined, requiredText, versionField } from '../http/fields.js'
import { PageError } from '../http/problems.js'
import { pageContext, renderPage } from '../http/render.js'
import { emptyForm, type FormState, paramOr404, parseForm } from '../http/validation.js'
import { WORKSITE_MERGERS } from './access.js'
import { likelyDuplicatesOf, mergeWorksite, recentLikelyDuplicates } from './merge.js'
import { findWorksite } from './queries.js'
import { worksiteIdParam } from './schemas.js'

// Worksites added twice: the likely duplicates, and merging one into the other (src/worksites/merge.ts).

const mergers = requireRole(...WORKSITE_MERGERS)
const idValidator = paramOr404(worksiteIdParam, 'There is no worksite at this address.')

const mergeSchema = z.object({
  into: z.preprocess(blankToUndefined, z.uuid({ error: 'Choose the worksite to keep' })),
  reason: requiredText({
    max: 500,
    multiline: true,
    messages: { required: 'Say why they are the same worksite' },
  }),
  version: versionField,
})

async function mergePage(c: Context<AppEnv>, id: string, form: FormState, status: 200 | 422) {
  const db = c.get('db')
  const worksite = await findWorksite(db, id)
  if (!worksite) throw new PageError(404, 'There is no worksite at this address.')
  // Already merged: its page says into which.
  if (worksite.merged_into_id) return c.redirect(`/worksites/${id}`, 303)
  const [candidates, inspections] = await Promise.all([
    likelyDuplicatesOf(db, worksite),
    db
      .selectFrom('inspections')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('worksite_id', '=', id)
      .where('status', '=', 'submitted')
      .executeTakeFirstOrThrow(),
  ])
  return renderPage(
    c,
    <MergePage
      ctx={pageContext(c)}
      worksite={worksite}
      inspections={Number(inspections.n)}
      candidates={candidates}
      form={form}
    />,
    status,
  )
}

export const mergeRoutes = new Hono<AppEnv>()
  .get('/worksites/duplicates', mergers, async (c) =>
    renderPage(c, <DuplicatesPage ctx={pageContext(c)} pairs={await recentLikelyDuplicates(c.get('db'))} />),
  )
  .get('/worksites/:id/merge', mergers, idValidator, (c) => {
    const into = z.uuid().safeParse(c.req.query('into'))
    return mergePage(c, c.req.valid('param').id, emptyForm(into.success ? { into: into.data } : {}), 200)
  })
  .post('/worksites/:id/merge', mergers, idValidator, async (c) => {
    const id = c.req.valid('param').id
    const parsed = await parseForm(c, mergeSchema)
    if (!parsed.ok) return mergePage(c, id, parsed.form, 422)
    const input = parsed.data
    const actor = actorOf(c)
    const result = await c
      .get('db')
      .transaction()
      .execute((trx) =>
        mergeWorksite(
          trx,
          { ...actor, id: actor.id! },
          {
            duplicateId: id,
            survivorId: input.into,
            duplicateVersion: input.version,
            reason: input.reason,
          },
        ),
      )
    if ('merged' in result)
      return c.redirect(`/worksites/${input.into}?done=merged&moved=${result.inspectionsMoved}`, 303)
    return conflictPage(c, {
      what: 'worksite',
      entity: 'worksite',
      entityId: id,
      backHref: `/worksites/${id}`,
      refusal: 'refused' in result ? result.refused : undefined,
    })
  })
