import type { Context } from 'hono'
import { ConflictPage } from '../../views/components/conflict.js'
import type { AppEnv } from '../http/env.js'
import { pageContext, renderPage } from '../http/render.js'
import { lastChangeOf } from './queries.js'

/**
 * The one answer to a stale change (409): nothing was saved, because the record changed after
 * the page was opened; who changed it last and when, from the audit log; the way back to it.
 */
export async function conflictPage(
  c: Context<AppEnv>,
  record: { what: string; entity: string; entityId: string; backHref: string; detail?: string },
) {
  return renderPage(
    c,
    <ConflictPage
      ctx={pageContext(c)}
      what={record.what}
      lastChange={await lastChangeOf(c.get('db'), record.entity, record.entityId)}
      backHref={record.backHref}
      detail={record.detail}
    />,
    409,
  )
}
