import { type Context, Hono } from 'hono'
import { z } from 'zod'
import { DashboardPage, DashboardResults } from '../../views/reports/dashboard.js'
import { FIGURE_TABLE_IDS, FIGURE_TABLES } from '../../views/reports/tables.js'
import { writeAudit } from '../audit/audit.js'
import { actorOf, requireRole } from '../auth/guard.js'
import { focalPoints } from '../focal-points/queries.js'
import { focalPointGaps } from '../focal-points/services.js'
import { sendCsv } from '../http/csv.js'
import type { AppEnv } from '../http/env.js'
import { blankToUndefined } from '../http/fields.js'
import { keptResponses } from '../http/kept-responses.js'
import { PageError } from '../http/problems.js'
import { pageContext, renderPageOrPartial } from '../http/render.js'
import { type FormState, fieldErrors, typedValues } from '../http/validation.js'
import { REPORT_READERS } from './access.js'
import { CASE_EXPORT } from './case-export.js'
import { RECORD_EXPORTS, TIP_FIELDS, tipData } from './exports.js'
import { keptDashboardFigures } from './figures.js'
import { lawEnforcementFigures } from './law-enforcement.js'
import { type ReportFilters, reportFiltersSchema } from './schemas.js'
import { lawEnforcementTable, suppressInspectionTable, victimsTable } from './tip-tables.js'
import { victimsFigures } from './victims.js'

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

// `?suppress_below=5`: counts from 1 to 4 are given as "<5", and enough others hidden that none
// can be worked out (the data hub publishes what it is given).
const suppressionQuery = z.object({
  suppress_below: z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ error: 'suppress_below must be a whole number from 2 to 100' })
      .int('suppress_below must be a whole number from 2 to 100')
      .min(2, 'suppress_below must be a whole number from 2 to 100')
      .max(100, 'suppress_below must be a whole number from 2 to 100')
      .optional(),
  ),
})
function suppressionOf(c: Context<AppEnv>): number | undefined {
  const parsed = suppressionQuery.safeParse(c.req.query())
  if (!parsed.success) throw new PageError(422, Object.values(fieldErrors(parsed.error)).join(' '))
  return parsed.data.suppress_below
}

/** The TIP export's three tables for the period, suppressed as asked. */
async function tipTables(c: Context<AppEnv>, f: ReportFilters, suppressBelow: number | undefined) {
  const db = c.get('db')
  const [inspections, law, victims] = await Promise.all([
    tipData(db, f),
    lawEnforcementFigures(db, f),
    victimsFigures(db, f),
  ])
  const names = TIP_FIELDS.map((field) => field.name)
  return {
    inspections: suppressBelow ? suppressInspectionTable(names, inspections, suppressBelow) : inspections,
    lawEnforcement: lawEnforcementTable(law, f, suppressBelow),
    victims: victimsTable(victims, f, suppressBelow),
  }
}

async function sendTable(
  c: Context<AppEnv>,
  name: string,
  f: ReportFilters,
  suppressBelow: number | undefined,
  header: string[],
  rows: (string | number | null)[][],
) {
  await auditDownload(c, name, { ...f, ...(suppressBelow ? { suppress_below: suppressBelow } : {}) })
  return sendCsv(
    c,
    `${name}_${fileSuffix(f)}${suppressBelow ? `_suppressed-below-${suppressBelow}` : ''}.csv`,
    header,
    (async function* () {
      yield rows
    })(),
  )
}

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
      <DashboardPage
        ctx={pageContext(c)}
        figures={figures}
        filters={filters}
        period={period}
        focalPointGaps={focalPointGaps(await focalPoints(c.get('db')))}
      />,
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
  .get('/exports/cases.csv', readers, async (c) => {
    const f = filtersOf(c)
    await auditDownload(c, 'cases', f)
    return sendCsv(c, `cases_${fileSuffix(f)}.csv`, CASE_EXPORT.header, CASE_EXPORT.batches(c.get('db'), f))
  })
  .get('/exports/tip-data.csv', readers, async (c) => {
    const f = filtersOf(c)
    const suppressBelow = suppressionOf(c)
    const tables = await tipTables(c, f, suppressBelow)
    const header = TIP_FIELDS.map((field) => field.name)
    return sendTable(c, 'tip-data', f, suppressBelow, header, tables.inspections)
  })
  .get('/exports/tip-law-enforcement.csv', readers, async (c) => {
    const f = filtersOf(c)
    const suppressBelow = suppressionOf(c)
    const table = (await tipTables(c, f, suppressBelow)).lawEnforcement
    const header = table.fields.map((field) => field.name)
    return sendTable(c, 'tip-law-enforcement', f, suppressBelow, header, table.rows)
  })
  .get('/exports/tip-victims.csv', readers, async (c) => {
    const f = filtersOf(c)
    const suppressBelow = suppressionOf(c)
    const table = (await tipTables(c, f, suppressBelow)).victims
    const header = table.fields.map((field) => field.name)
    return sendTable(c, 'tip-victims', f, suppressBelow, header, table.rows)
  })
  .get('/exports/tip-data.json', readers, async (c) => {
    const f = filtersOf(c)
    const suppressBelow = suppressionOf(c)
    const tables = await tipTables(c, f, suppressBelow)
    await auditDownload(c, 'tip-data', { ...f, ...(suppressBelow ? { suppress_below: suppressBelow } : {}) })
    c.header('Content-Disposition', `attachment; filename="tip-data_${fileSuffix(f)}.json"`)
    c.header('Cache-Control', 'no-store')
    const named = (fields: { name: string }[], rows: unknown[][]) =>
      rows.map((row) => Object.fromEntries(fields.map((field, i) => [field.name, row[i]])))
    return c.json({
      source: 'Lesotho labour recruiter registry',
      period: { start: f.from, end: f.to },
      district: f.district,
      sector: f.sector,
      suppress_below: suppressBelow ?? null,
      fields: TIP_FIELDS,
      rows: named(TIP_FIELDS, tables.inspections),
      law_enforcement: {
        about:
          'Criminal cases, by the case’s district; cases have no sector, so a sector chosen does not narrow them.',
        fields: tables.lawEnforcement.fields,
        rows: named(tables.lawEnforcement.fields, tables.lawEnforcement.rows),
      },
      victims: {
        about: 'Detected potential victims, each counted once, and SDG indicator 16.2.2.',
        fields: tables.victims.fields,
        rows: named(tables.victims.fields, tables.victims.rows),
      },
    })
  })

async function exportRecords(c: Context<AppEnv>, kind: keyof typeof RECORD_EXPORTS) {
  const f = filtersOf(c)
  const exported = RECORD_EXPORTS[kind]
  await auditDownload(c, kind, f)
  return sendCsv(c, `${kind}_${fileSuffix(f)}.csv`, exported.header, exported.batches(c.get('db'), f))
}
