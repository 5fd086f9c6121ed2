import type { Context } from 'hono'
import type { AppEnv } from '../http/env.js'
import { PageError } from '../http/problems.js'
import { inspectionDetails } from './queries.js'

/** The inspection a page is about: 404 when there is none, 403 for someone else's draft. */
export async function loadDetails(c: Context<AppEnv>, id: string) {
  const details = await inspectionDetails(c.get('db'), id)
  if (!details) throw new PageError(404, 'There is no inspection at this address.')
  if (details.inspection.status === 'draft' && details.inspection.recorded_by !== c.get('user')?.id)
    throw new PageError(
      403,
      'This is a draft, not yet submitted: only the person who started it can open it.',
    )
  return details
}
