import type { Database } from '../db/database.js'
import { dateInLesotho } from '../time.js'
import { type AgencyFlags, agencyFlags, type Finding, type FlagClearance } from './rules.js'

// The facts the flag rules need, read for a set of agencies at once (a page of results).

/** Each agency's flags and points today; agencies without findings get empty flags. */
export async function flagsForAgencies(
  db: Database,
  agencyIds: readonly string[],
  today: string,
  options: { withOpenComplaints?: boolean } = {},
): Promise<Map<string, AgencyFlags>> {
  const ids = [...new Set(agencyIds)]
  const flags = new Map<string, AgencyFlags>()
  if (ids.length === 0) return flags
  const [complaintFindings, inspectionFindings, clearances, open, unreviewed] = await Promise.all([
    db
      .selectFrom('complaints')
      .select(['agency_id', 'reference', 'proven_categories', 'demerit_points', 'decided_at'])
      .where('agency_id', 'in', ids)
      .where('outcome', '=', 'substantiated')
      .execute(),
    // Substantiated inspection findings count exactly like substantiated complaints.
    db
      .selectFrom('inspection_findings')
      .innerJoin('inspections', 'inspections.id', 'inspection_findings.inspection_id')
      .select([
        'inspection_findings.agency_id',
        'inspections.visited_at',
        'inspection_findings.proven_categories',
        'inspection_findings.demerit_points',
        'inspection_findings.decided_at',
      ])
      .where('inspection_findings.agency_id', 'in', ids)
      .where('inspection_findings.status', '=', 'substantiated')
      .execute(),
    db
      .selectFrom('flag_clearances')
      .select(['agency_id', 'flag', 'cleared_at'])
      .where('agency_id', 'in', ids)
      .execute(),
    options.withOpenComplaints
      ? db
          .selectFrom('complaints')
          .select(['agency_id', (eb) => eb.fn.countAll<number>().as('count')])
          .where('agency_id', 'in', ids)
          .where('status', 'in', ['received', 'under_review'])
          .groupBy('agency_id')
          .execute()
      : Promise.resolve([]),
    options.withOpenComplaints
      ? db
          .selectFrom('inspection_findings')
          .select(['agency_id', (eb) => eb.fn.countAll<number>().as('count')])
          .where('agency_id', 'in', ids)
          .where('status', '=', 'unreviewed')
          .groupBy('agency_id')
          .execute()
      : Promise.resolve([]),
  ])
  const findings = [
    ...complaintFindings.map((f) => ({ ...f, agency_id: f.agency_id!, fromComplaint: true })),
    ...inspectionFindings.map((f) => ({
      agency_id: f.agency_id,
      fromComplaint: false,
      reference: `Inspection on ${dateInLesotho(f.visited_at)}`,
      proven_categories: f.proven_categories,
      demerit_points: f.demerit_points,
      decided_at: f.decided_at,
    })),
  ]
  const findingsOf = new Map<string, Finding[]>()
  for (const f of findings) {
    const list = findingsOf.get(f.agency_id!) ?? []
    list.push({
      reference: f.reference,
      fromComplaint: f.fromComplaint,
      proven: f.proven_categories,
      points: f.demerit_points,
      decidedAt: f.decided_at!.toISOString(),
    })
    findingsOf.set(f.agency_id!, list)
  }
  const clearancesOf = new Map<string, FlagClearance[]>()
  for (const c of clearances) {
    const list = clearancesOf.get(c.agency_id) ?? []
    list.push({ flag: c.flag, clearedAt: c.cleared_at.toISOString() })
    clearancesOf.set(c.agency_id, list)
  }
  const openOf = new Map(open.map((o) => [o.agency_id!, Number(o.count)]))
  const unreviewedOf = new Map(unreviewed.map((o) => [o.agency_id, Number(o.count)]))
  for (const id of ids) {
    flags.set(
      id,
      agencyFlags({
        findings: findingsOf.get(id) ?? [],
        clearances: clearancesOf.get(id) ?? [],
        openComplaints: openOf.get(id) ?? 0,
        unreviewedFindings: unreviewedOf.get(id) ?? 0,
        today,
      }),
    )
  }
  return flags
}
