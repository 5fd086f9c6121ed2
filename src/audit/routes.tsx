import { Hono } from 'hono'
import { AuditLogPage, AuditResults } from '../../views/audit/audit-log.js'
import { requireRole } from '../auth/guard.js'
import type { AppEnv } from '../http/env.js'
import { pageContext, renderPageOrPartial } from '../http/render.js'
import { fieldErrors, typedValues } from '../http/validation.js'
import { AUDIT_PER_PAGE, auditFilterChoices, auditSubjects, listAuditEntries } from './queries.js'
import { auditFiltersSchema } from './schemas.js'

export const auditRoutes = new Hono<AppEnv>().get('/admin/audit', requireRole('admin'), async (c) => {
  const raw = c.req.query()
  const parsed = auditFiltersSchema.safeParse(raw)
  const form = { values: typedValues(raw), errors: parsed.success ? {} : fieldErrors(parsed.error) }
  delete form.values.page
  const db = c.get('db')
  const choices = await auditFilterChoices(db)
  // The kinds of record are those the log holds: any other (an edited address) is said so,
  // rather than quietly showing no entries.
  if (parsed.success && parsed.data.entity && !choices.entities.includes(parsed.data.entity))
    form.errors = { entity: 'No record of this kind is in the audit log. Select one from the list.' }
  const refused = Object.keys(form.errors).length > 0
  const filters = parsed.success && !refused ? parsed.data : { page: 1 }
  const { rows, total } = await listAuditEntries(db, filters)
  const subjects = await auditSubjects(db, rows)
  const paging = { page: filters.page, perPage: AUDIT_PER_PAGE, total }
  return renderPageOrPartial(
    c,
    <AuditLogPage
      ctx={pageContext(c)}
      rows={rows}
      subjects={subjects}
      paging={paging}
      filters={form}
      choices={choices}
    />,
    <AuditResults rows={rows} subjects={subjects} paging={paging} filters={form} />,
    refused ? 422 : 200,
  )
})
