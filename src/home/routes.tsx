import { Hono } from 'hono'
import { sql } from 'kysely'
import { StaffHomePage } from '../../views/home/staff-home.js'
import { ALL_STAFF, requireRole } from '../auth/guard.js'
import { casesWaitingFor } from '../cases/queries.js'
import type { AppEnv } from '../http/env.js'
import { pageContext, renderPage } from '../http/render.js'
import { INSPECTION_WRITERS } from '../inspections/access.js'
import { awaitingConfirmationBy } from '../inspections/confirmations.js'
import { openFollowUps } from '../inspections/queries.js'
import { todayInLesotho } from '../time.js'

const NOTICES: Record<string, string> = {
  welcome:
    'Your administrator account is ready. Next, create accounts for the people who will use the registry.',
  password_changed: 'Your password has been changed.',
}

export const homeRoutes = new Hono<AppEnv>()
  .get('/staff', requireRole(...ALL_STAFF), async (c) => {
    const key = Object.keys(NOTICES).find((k) => c.req.query(k))
    const user = c.get('user')!
    // Inspectors and police see the follow-ups they owe; others have no field work.
    const fieldWork = INSPECTION_WRITERS.includes(user.role)
    const [followUps, toConfirm, cases] = await Promise.all([
      fieldWork ? openFollowUps(c.get('db'), { userId: user.id, district: user.homeDistrict }) : null,
      fieldWork ? awaitingConfirmationBy(c.get('db'), user) : [],
      casesWaitingFor(c.get('db'), user, todayInLesotho()),
    ])
    return renderPage(
      c,
      <StaffHomePage
        ctx={pageContext(c)}
        notice={key ? NOTICES[key] : undefined}
        followUps={followUps}
        toConfirm={toConfirm}
        cases={cases}
        today={todayInLesotho()}
      />,
    )
  })
  .get('/healthz', async (c) => {
    // A real round trip: a load balancer must stop sending traffic when the database is gone.
    c.header('Cache-Control', 'no-store')
    // A load balancer asks every few seconds: the answer comes within two, whatever the database does.
    let timer: NodeJS.Timeout | undefined
    const tooLate = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('no answer within 2 s')), 2000)
    })
    try {
      await Promise.race([sql`select 1`.execute(c.get('db')), tooLate])
      return c.json({ status: 'ok' })
    } catch {
      return c.json({ status: 'unavailable', reason: 'database unreachable' }, 503)
    } finally {
      clearTimeout(timer)
    }
  })
