import { type Context, Hono } from 'hono'
import { FocalPointFormPage, FocalPointsPage, RemoveFocalPointPage } from '../../views/focal-points/pages.js'
import { conflictPage } from '../audit/conflict.js'
import { ALL_STAFF, actorOf, requireRole } from '../auth/guard.js'
import type { AppEnv } from '../http/env.js'
import { PageError } from '../http/problems.js'
import { pageContext, renderPage } from '../http/render.js'
import { emptyForm, paramOr404, parseForm } from '../http/validation.js'
import { focalPointOf, focalPoints, removeFocalPoint, saveFocalPoint } from './queries.js'
import { focalPointParam, focalPointSchema, removeFocalPointSchema } from './schemas.js'

// Focal points in the districts: every staff role reads them; administrators keep them.

const readers = requireRole(...ALL_STAFF)
const admins = requireRole('admin')
const placeValidator = paramOr404(focalPointParam, 'There is no such district or service.')

const NOTICES: Record<string, string> = {
  saved: 'The focal point has been saved. The public pages give it now.',
  removed: 'The focal point has been removed.',
}

const stale = (c: Context<AppEnv>, id: string | undefined) =>
  conflictPage(c, {
    what: 'focal point',
    entity: 'focal_point',
    entityId: id ?? '00000000-0000-0000-0000-000000000000',
    backHref: '/focal-points',
  })

export const focalPointRoutes = new Hono<AppEnv>()
  .get('/focal-points', readers, async (c) => {
    const done = c.req.query('done')
    return renderPage(
      c,
      <FocalPointsPage
        ctx={pageContext(c)}
        points={await focalPoints(c.get('db'))}
        canEdit={c.get('user')!.role === 'admin'}
        notice={done ? NOTICES[done] : undefined}
      />,
    )
  })
  .get('/focal-points/:district/:service', admins, placeValidator, async (c) => {
    const place = c.req.valid('param')
    const current = await focalPointOf(c.get('db'), place.district, place.service)
    const values = current
      ? { office: current.office, phone: current.phone, address: current.address, hours: current.hours ?? '' }
      : {}
    return renderPage(
      c,
      <FocalPointFormPage
        ctx={pageContext(c)}
        {...place}
        form={emptyForm(values)}
        current={current ?? null}
      />,
    )
  })
  .post('/focal-points/:district/:service', admins, placeValidator, async (c) => {
    const place = c.req.valid('param')
    const current = await focalPointOf(c.get('db'), place.district, place.service)
    const parsed = await parseForm(c, focalPointSchema)
    if (!parsed.ok)
      return renderPage(
        c,
        <FocalPointFormPage ctx={pageContext(c)} {...place} form={parsed.form} current={current ?? null} />,
        422,
      )
    const saved = await c
      .get('db')
      .transaction()
      .execute((trx) => saveFocalPoint(trx, actorOf(c), place, parsed.data))
    if (!saved) return stale(c, current?.id)
    return c.redirect('/focal-points?done=saved', 303)
  })
  .get('/focal-points/:district/:service/remove', admins, placeValidator, async (c) => {
    const place = c.req.valid('param')
    const point = await focalPointOf(c.get('db'), place.district, place.service)
    if (!point) throw new PageError(404, 'This district has no such focal point.')
    return renderPage(c, <RemoveFocalPointPage ctx={pageContext(c)} point={point} form={emptyForm()} />)
  })
  .post('/focal-points/:district/:service/remove', admins, placeValidator, async (c) => {
    const place = c.req.valid('param')
    const point = await focalPointOf(c.get('db'), place.district, place.service)
    if (!point) throw new PageError(404, 'This district has no such focal point.')
    const parsed = await parseForm(c, removeFocalPointSchema)
    if (!parsed.ok) return stale(c, point.id)
    const removed = await c
      .get('db')
      .transaction()
      .execute((trx) => removeFocalPoint(trx, actorOf(c), place, parsed.data.version))
    if (!removed) return stale(c, point.id)
    return c.redirect('/focal-points?done=removed', 303)
  })
