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
  const filters = parsed.success ? parsed.data : { page: 1 }
  const form = { values: typedValues(raw), errors: parsed.success ? {} : fieldErrors(parsed.error) }
  delete form.values.page
  const db = c.get('db')
  const [{ rows, total }, choices] = await Promise.all([
    listAuditEntries(db, filters),
    auditFilterChoices(db),
  ])
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
    parsed.success ? 200 : 422,
  )
})
