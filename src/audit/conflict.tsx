import type { Context } from 'hono'
import { auditSentence, describeAuditEntry } from '../../views/audit/describe.js'
import { ConflictPage } from '../../views/components/conflict.js'
import type { AppEnv } from '../http/env.js'
import { pageContext, renderPage } from '../http/render.js'
import { auditSubjects, lastChangeOf, subjectKey } from './queries.js'

/**
 * The one answer to a stale change (409): nothing was saved, because the record changed after
 * the page was opened; who changed it last and when, from the audit log; the way back to it.
 */
export async function conflictPage(
  c: Context<AppEnv>,
  record: {
    what: string
    entity: string
    entityId: string
    backHref: string
    detail?: string | undefined
    /** A rule refused the change (not a stale page): said first, plainly. */
    refusal?: string | undefined
  },
) {
  const db = c.get('db')
  const lastChange = await lastChangeOf(db, record.entity, record.entityId)
  const subject = lastChange
    ? ((await auditSubjects(db, [lastChange])).get(subjectKey(lastChange)) ?? null)
    : null
  return renderPage(
    c,
    <ConflictPage
      ctx={pageContext(c)}
      what={record.what}
      lastChange={
        lastChange && {
          actor_label: lastChange.actor_label,
          at: lastChange.at,
          what: auditSentence(describeAuditEntry(lastChange, subject)),
        }
      }
      backHref={record.backHref}
      detail={record.detail}
      refusal={record.refusal}
    />,
    409,
  )
}
