import { Hono } from 'hono'
import { z } from 'zod'
import { OfficesPage } from '../../views/public/offices.js'
import type { AppEnv } from '../http/env.js'
import { renderPage } from '../http/render.js'
import { publicLanguage } from '../i18n/language.js'
import { publicContext } from '../public/context.js'
import { DISTRICTS } from '../vocabulary.js'
import { focalPoints } from './queries.js'

// The public page of the districts' focal points: offices only, in both languages.
const officesQuery = z.object({ district: z.enum(DISTRICTS) })

export const focalPointPublicRoutes = new Hono<AppEnv>().get('/offices', publicLanguage, async (c) => {
  // An unknown district (or none) shows them all.
  const chosen = officesQuery.safeParse(c.req.query())
  const district = chosen.success ? chosen.data.district : null
  const points = await focalPoints(c.get('db'), district ?? undefined)
  return renderPage(c, <OfficesPage pc={publicContext(c)} district={district} points={points} />)
})
