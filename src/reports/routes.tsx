import { type Context, Hono } from 'hono'
import { z } from 'zod'
import { DashboardPage, DashboardResults } from '../../views/reports/dashboard.js'
import { FIGURE_TABLE_IDS, FIGURE_TABLES } from '../../views/reports/tables.js'
import { writeAudit } from '../audit/audit.js'
import { actorOf, requireRole } from '../auth/guard.js'
import { sendCsv } from '../http/csv.js'
import type { AppEnv } from '../http/env.js'
import { keptResponses } from '../http/kept-responses.js'
import { PageError } from '../http/problems.js'
import { pageContext, renderPageOrPartial } from '../http/render.js'
import { type FormState, fieldErrors, typedValues } from '../http/validation.js'
import { REPORT_READERS } from './access.js'
import { RECORD_EXPORTS, TIP_FIELDS, tipData } from './exports.js'
import { keptDashboardFigures } from './figures.js'
import { type ReportFilters, reportFiltersSchema } from './schemas.js'

const readers = requireRole(...REPORT_READERS)
// Figures change only with the registry and are heavy to make: kept per viewer.
const kept = keptResponses()

/** The filters of a download, or a 422 naming what is wrong (a download has no form to show). */
function filtersOf(c: Context<AppEnv>): ReportFilters {
  const parsed = reportFiltersSchema.safeParse(c.req.query())
  if (!parsed.success)
    throw new PageError(422, Object.values(fieldErrors(parsed.error)).join(' ') || 'Check the filters.')
  return parsed.data
}

const fileSuffix = (f: ReportFilters) =>
  [f.from, f.to, f.district, f.sector]
    .filter(Boolean)
    .join('_')
    .replace(/[^A-Za-z0-9_-]+/g, '-')

/** Downloads of records are audited: who took which records out of the registry, and when. */
function auditDownload(c: Context<AppEnv>, what: string, f: ReportFilters) {
  return writeAudit(c.get('db'), actorOf(c), {
    action: 'export.downloaded',
    entity: 'export',
    after: { what, ...f },
  })
}

const tableQuery = z.object({ table: z.enum(FIGURE_TABLE_IDS) })

export const reportRoutes = new Hono<AppEnv>()
  .get('/dashboard', readers, kept, async (c) => {
    const raw = c.req.query()
    const parsed = reportFiltersSchema.safeParse(raw)
    const filters: FormState = {
      // The period counted, shown in the form even when it was left to its default.
      values: parsed.success
        ? { ...typedValues(raw), from: parsed.data.from, to: parsed.data.to }
        : typedValues(raw),
      errors: parsed.success ? {} : fieldErrors(parsed.error),
    }
    const figures = parsed.success ? await keptDashboardFigures(c.get('db'), parsed.data) : null
    const period = parsed.success ? { from: parsed.data.from, to: parsed.data.to } : null
    return renderPageOrPartial(
      c,
      <DashboardPage ctx={pageContext(c)} figures={figures} filters={filters} period={period} />,
      <DashboardResults figures={figures} filters={filters} period={period} />,
      parsed.success ? 200 : 422,
    )
  })
  .get('/dashboard.csv', readers, async (c) => {
    const which = tableQuery.safeParse(c.req.query())
    if (!which.success) throw new PageError(404, 'There is no such table on the dashboard.')
    const table = FIGURE_TABLES.find((t) => t.id === which.data.table)!
    const f = filtersOf(c)
    const figures = await keptDashboardFigures(c.get('db'), f)
    return sendCsv(
      c,
      `${table.id}_${fileSuffix(f)}.csv`,
      table.header,
      (async function* () {
        yield table.rows(figures)
      })(),
    )
  })
  .get('/exports/agencies.csv', readers, (c) => exportRecords(c, 'agencies'))
  .get('/exports/licences.csv', readers, (c) => exportRecords(c, 'licences'))
  .get('/exports/complaints.csv', readers, (c) => exportRecords(c, 'complaints'))
  .get('/exports/inspections.csv', readers, (c) => exportRecords(c, 'inspections'))
  .get('/exports/tip-data.csv', readers, async (c) => {
    const f = filtersOf(c)
    const rows = await tipData(c.get('db'), f)
    await auditDownload(c, 'tip-data', f)
    return sendCsv(
      c,
      `tip-data_${fileSuffix(f)}.csv`,
      TIP_FIELDS.map((field) => field.name),
      (async function* () {
        yield rows
      })(),
    )
  })
  .get('/exports/tip-data.json', readers, async (c) => {
    const f = filtersOf(c)
    const rows = await tipData(c.get('db'), f)
    await auditDownload(c, 'tip-data', f)
    c.header('Content-Disposition', `attachment; filename="tip-data_${fileSuffix(f)}.json"`)
    c.header('Cache-Control', 'no-store')
    return c.json({
      source: 'Lesotho labour recruiter registry',
      period: { start: f.from, end: f.to },
      district: f.district,
      sector: f.sector,
      fields: TIP_FIELDS,
      rows: rows.map((row) => Object.fromEntries(TIP_FIELDS.map((field, i) => [field.name, row[i]]))),
    })
  })

async function exportRecords(c: Context<AppEnv>, kind: keyof typeof RECORD_EXPORTS) {
  const f = filtersOf(c)
  const exported = RECORD_EXPORTS[kind]
  await auditDownload(c, kind, f)
  return sendCsv(c, `${kind}_${fileSuffix(f)}.csv`, exported.header, exported.batches(c.get('db'), f))
}
