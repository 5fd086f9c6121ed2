import { sql } from 'kysely'
import type { ComplaintCategory, ComplaintStatus } from '../complaints/rules.js'
import type { Database } from '../db/database.js'
import { plannedEachRun } from '../db/prepared-pool.js'
import { currentRegistryVersion } from '../db/registry-version.js'
import type { Indicator, InspectionType, ReferralDestination } from '../inspections/rules.js'
import { addDays, startOfDayInLesotho, todayInLesotho } from '../time.js'
import type { District } from '../vocabulary.js'
import {
  type CaseBreakdownRow,
  caseBreakdowns,
  type LawEnforcementRow,
  lawEnforcementFigures,
} from './law-enforcement.js'
import type { ReportFilters } from './schemas.js'
import { type VictimsRow, victimsFigures } from './victims.js'

// The dashboard's figures for a period and, optionally, one district or sector. Each group is
// one query, run side by side. A district is the worksite's for inspections, the complainant's
// for complaints and the agency's for licences; a sector is the worksite's, or one of the
// agency's (so a complaint about an unlisted recruiter has no sector and drops out of a
// sector's figures). Days are Lesotho's.

export interface DashboardFigures {
  /** Criminal cases per district, the country's row last (law-enforcement.ts). */
  lawEnforcement: LawEnforcementRow[]
  /** Detected potential victims per district with SDG 16.2.2, the country's row last (victims.ts). */
  victimsDetected: VictimsRow[]
  /** The same by offence and by form of exploitation (law-enforcement.ts). */
  caseBreakdown: CaseBreakdownRow[]
  licencesByStatus: { status: string; count: number }[]
  applications: { approved: number; refused: number; withdrawn: number; medianDays: number | null }
  complaintsByCategory: { category: ComplaintCategory; count: number }[]
  complaintsByStatus: { status: ComplaintStatus; count: number }[]
  complaints: { received: number; decided: number; substantiated: number; referredToPolice: number }
  inspectionsByType: { type: InspectionType; count: number }[]
  inspections: {
    total: number
    withIndicator: number
    criminalInvestigations: number
    /** Planned as joint operations (the inspection type). */
    plannedJoint: number
    /** Submitted by one of labour and police, confirmed by the other, as the record now stands. */
    confirmedByBoth: number
  }
  indicatorsObserved: { indicator: Indicator; count: number }[]
  victimsByGroup: { femaleUnder18: number; femaleAdult: number; maleUnder18: number; maleAdult: number }
  victimsByDestination: { destination: ReferralDestination; count: number; withConsent: number }[]
  monthly: { month: string; inspections: number; complaints: number }[]
  districts: {
    district: District
    inspections: number
    withIndicator: number
    complaints: number
    victims: number
    criminalInvestigations: number
  }[]
}

/** The period's first instant and the instant after its last day, in Lesotho. */
const bounds = (f: ReportFilters) => ({
  start: startOfDayInLesotho(f.from),
  end: startOfDayInLesotho(addDays(f.to, 1)),
})

/** The period's submitted inspections (each keeps its worksite's district and sector). */
function inspectionsIn(f: ReportFilters) {
  const { start, end } = bounds(f)
  return sql`
    select i.id, i.type, i.outcome, i.visited_at, i.version, i.confirmed_version, i.district, i.sector
    from inspections i
    where i.status = 'submitted' and i.visited_at >= ${start} and i.visited_at < ${end}
      and (${f.district}::text is null or i.district = ${f.district})
      and (${f.sector}::text is null or i.sector = ${f.sector})`
}

/** Complaints matching the district and sector (any time: each figure picks its own dates). */
function complaintsMatching(f: ReportFilters) {
  return sql`
    select c.id, c.categories, c.status, c.outcome, c.created_at, c.decided_at, c.referred_at, c.district
    from complaints c left join agencies a on a.id = c.agency_id
    where (${f.district}::text is null or c.district = ${f.district})
      and (${f.sector}::text is null or ${f.sector} = any(a.sectors))`
}

const n = (v: unknown) => Number(v ?? 0)

/**
 * Which of the period's months a timestamp column falls in (1 for the first), as text: a search
 * among the months' first instants, worked out once per query. Formatting each row's month
 * instead cost 145 ms of the 180,000 inspections of a year, this 45 ms.
 */
function monthNumber(column: string, f: ReportFilters) {
  const starts = monthsOf(f).map((m) => startOfDayInLesotho(`${m}-01`))
  return sql<string>`width_bucket(${sql.ref(column)}, (select array[${sql.join(starts)}]))::text`
}

interface GroupedRow {
  by: 'type' | 'district' | 'month' | 'all'
  key: string | null
  total: number
  with_indicator: number
  investigations: number
  planned_joint: number
  confirmed_joint: number
}

// Figures depend only on the registry, the filters and the day: worked out once and shared by
// everyone who asks for the same filters while the registry is unchanged (like the due list).
const KEPT_FILTERS = 100
const kept = new WeakMap<
  Database,
  { version: string; today: string; figures: Map<string, Promise<DashboardFigures>> }
>()

/** The figures, from those kept for this registry version and day when someone asked already. */
export async function keptDashboardFigures(db: Database, f: ReportFilters, today = todayInLesotho()) {
  const version = await currentRegistryVersion(db)
  let entry = kept.get(db)
  if (!entry || entry.version !== version || entry.today !== today) {
    entry = { version, today, figures: new Map() }
    kept.set(db, entry)
  }
  const key = JSON.stringify([f.from, f.to, f.district, f.sector])
  let figures = entry.figures.get(key)
  if (!figures) {
    if (entry.figures.size >= KEPT_FILTERS) entry.figures.clear()
    const made = dashboardFigures(db, f, today)
    const forget = entry.figures
    forget.set(key, made)
    made.catch(() => {
      if (forget.get(key) === made) forget.delete(key)
    })
    figures = made
  }
  return figures
}

export async function dashboardFigures(
  db: Database,
  f: ReportFilters,
  today = todayInLesotho(),
): Promise<DashboardFigures> {
  const { start, end } = bounds(f)
  const agencyMatches = sql`(${f.district}::text is null or a.district = ${f.district})
      and (${f.sector}::text is null or ${f.sector} = any(a.sectors))`
  const [
    licences,
    applications,
    byCategory,
    complaintGroups,
    complaintTotals,
    inspectionGroups,
    indicators,
    victims,
    lawEnforcement,
    victimsDetected,
    caseBreakdown,
  ] = await Promise.all([
    // Licences as they stand today: an active licence past its expiry date counts as expired.
    sql<{ status: string; count: number }>`${plannedEachRun}
        select case when l.status = 'active' and l.expires_on < ${today}::date then 'expired' else l.status end
          as status, count(*)::int as count
        from licences l join agencies a on a.id = l.agency_id
        where ${agencyMatches}
        group by 1 order by 2 desc`.execute(db),
    sql<{
      approved: number
      refused: number
      withdrawn: number
      median_days: number | null
    }>`${plannedEachRun}
        select count(*) filter (where la.status = 'approved')::int as approved,
          count(*) filter (where la.status = 'refused')::int as refused,
          count(*) filter (where la.status = 'withdrawn')::int as withdrawn,
          (percentile_cont(0.5) within group (
            order by extract(epoch from la.decided_at - la.submitted_at) / 86400))::float8 as median_days
        from licence_applications la join agencies a on a.id = la.agency_id
        where la.decided_at >= ${start} and la.decided_at < ${end} and ${agencyMatches}`.execute(db),
    sql<{ category: ComplaintCategory; count: number }>`${plannedEachRun}
        select category, count(*)::int as count
        from (${complaintsMatching(f)}) c cross join unnest(c.categories) as category
        where c.created_at >= ${start} and c.created_at < ${end}
        group by 1 order by 2 desc, 1`.execute(db),
    // Complaints received in the period, by status, district and month in one pass.
    sql<{ by: 'status' | 'district' | 'month'; key: string; count: number }>`${plannedEachRun}
        select case when grouping(c.status) = 0 then 'status'
            when grouping(c.district) = 0 then 'district' else 'month' end as by,
          coalesce(c.status, c.district, c.month) as key, count(*)::int as count
        from (select *, ${monthNumber('created_at', f)} as month from (${complaintsMatching(f)}) c) c
        where c.created_at >= ${start} and c.created_at < ${end}
        group by grouping sets ((c.status), (c.district), (c.month))
        order by 3 desc, 2`.execute(db),
    // Each count reads its own date's index rather than every complaint once.
    sql<{ received: number; decided: number; substantiated: number; referred: number }>`${plannedEachRun}
        with c as not materialized (${complaintsMatching(f)})
        select (select count(*) from c where c.created_at >= ${start} and c.created_at < ${end})::int as received,
          (select count(*) from c where c.decided_at >= ${start} and c.decided_at < ${end})::int as decided,
          (select count(*) from c where c.decided_at >= ${start} and c.decided_at < ${end}
            and c.outcome = 'substantiated')::int as substantiated,
          (select count(*) from c where c.referred_at >= ${start} and c.referred_at < ${end})::int as referred`.execute(
      db,
    ),
    // Inspections by type, district and month, and in all, in one pass over the period.
    sql<GroupedRow>`${plannedEachRun}
        with observed as (
          select distinct inspection_id from inspection_indicators where level = 'observed'
        )
        select case when grouping(i.type) = 0 then 'type' when grouping(i.district) = 0 then 'district'
            when grouping(i.month) = 0 then 'month' else 'all' end as by,
          coalesce(i.type, i.district, i.month) as key,
          count(*)::int as total, count(o.inspection_id)::int as with_indicator,
          count(*) filter (where i.outcome = 'criminal_investigation')::int as investigations,
          count(*) filter (where i.type = 'joint_operation')::int as planned_joint,
          count(*) filter (where i.confirmed_version = i.version)::int as confirmed_joint
        from (select *, ${monthNumber('visited_at', f)} as month from (${inspectionsIn(f)}) i) i
          left join observed o on o.inspection_id = i.id
        group by grouping sets ((i.type), (i.district), (i.month), ())
        order by 3 desc, 2`.execute(db),
    sql<{ indicator: Indicator; count: number }>`${plannedEachRun}
        select ii.indicator, count(*)::int as count
        from (${inspectionsIn(f)}) i join inspection_indicators ii on ii.inspection_id = i.id
        where ii.level = 'observed'
        group by 1 order by 2 desc, 1`.execute(db),
    sql<{
      destination: ReferralDestination
      district: District
      female_under_18: number
      female_adult: number
      male_under_18: number
      male_adult: number
      with_consent: number
    }>`${plannedEachRun}
        select r.destination, i.district, sum(r.female_under_18)::int as female_under_18,
          sum(r.female_adult)::int as female_adult, sum(r.male_under_18)::int as male_under_18,
          sum(r.male_adult)::int as male_adult,
          sum(case when r.consent_recorded
            then r.female_under_18 + r.female_adult + r.male_under_18 + r.male_adult else 0 end)::int
            as with_consent
        from (${inspectionsIn(f)}) i join inspection_referrals r on r.inspection_id = i.id
        group by 1, 2 order by 1, 2`.execute(db),
    lawEnforcementFigures(db, f),
    victimsFigures(db, f),
    caseBreakdowns(db, f),
  ])
  const a = applications.rows[0]!
  const ct = complaintTotals.rows[0]!
  const inspectionsBy = (by: GroupedRow['by']) => inspectionGroups.rows.filter((r) => r.by === by)
  const complaintsBy = (by: 'status' | 'district' | 'month') =>
    complaintGroups.rows.filter((r) => r.by === by)
  const everything = inspectionsBy('all')[0]
  const sum = (
    rows: typeof victims.rows,
    key: 'female_under_18' | 'female_adult' | 'male_under_18' | 'male_adult',
  ) => rows.reduce((total, r) => total + n(r[key]), 0)
  const people = (r: (typeof victims.rows)[number]) =>
    n(r.female_under_18) + n(r.female_adult) + n(r.male_under_18) + n(r.male_adult)

  const destinations = new Map<ReferralDestination, { count: number; withConsent: number }>()
  const victimsInDistrict = new Map<string, number>()
  for (const r of victims.rows) {
    const d = destinations.get(r.destination) ?? { count: 0, withConsent: 0 }
    destinations.set(r.destination, {
      count: d.count + people(r),
      withConsent: d.withConsent + n(r.with_consent),
    })
    victimsInDistrict.set(r.district, (victimsInDistrict.get(r.district) ?? 0) + people(r))
  }
  const months = monthsOf(f)
  const monthOf = (key: string | null) => months[Number(key) - 1]
  const monthsInspected = new Map(inspectionsBy('month').map((r) => [monthOf(r.key), r.total]))
  const monthsComplained = new Map(complaintsBy('month').map((r) => [monthOf(r.key), r.count]))
  const districtRows = new Map<string, DashboardFigures['districts'][number]>()
  const districtRow = (district: string) => {
    let row = districtRows.get(district)
    if (!row) {
      row = {
        district: district as District,
        inspections: 0,
        withIndicator: 0,
        complaints: 0,
        victims: victimsInDistrict.get(district) ?? 0,
        criminalInvestigations: 0,
      }
      districtRows.set(district, row)
    }
    return row
  }
  for (const r of inspectionsBy('district'))
    Object.assign(districtRow(r.key!), {
      inspections: r.total,
      withIndicator: r.with_indicator,
      criminalInvestigations: r.investigations,
    })
  for (const r of complaintsBy('district')) if (r.key) districtRow(r.key).complaints = r.count

  return {
    lawEnforcement,
    victimsDetected,
    caseBreakdown,
    licencesByStatus: licences.rows,
    applications: {
      approved: n(a.approved),
      refused: n(a.refused),
      withdrawn: n(a.withdrawn),
      medianDays: a.median_days === null ? null : Math.round(Number(a.median_days) * 10) / 10,
    },
    complaintsByCategory: byCategory.rows,
    complaintsByStatus: complaintsBy('status').map((r) => ({
      status: r.key as ComplaintStatus,
      count: r.count,
    })),
    complaints: {
      received: n(ct.received),
      decided: n(ct.decided),
      substantiated: n(ct.substantiated),
      referredToPolice: n(ct.referred),
    },
    inspectionsByType: inspectionsBy('type').map((r) => ({ type: r.key as InspectionType, count: r.total })),
    inspections: {
      total: n(everything?.total),
      withIndicator: n(everything?.with_indicator),
      criminalInvestigations: n(everything?.investigations),
      plannedJoint: n(everything?.planned_joint),
      confirmedByBoth: n(everything?.confirmed_joint),
    },
    indicatorsObserved: indicators.rows,
    victimsByGroup: {
      femaleUnder18: sum(victims.rows, 'female_under_18'),
      femaleAdult: sum(victims.rows, 'female_adult'),
      maleUnder18: sum(victims.rows, 'male_under_18'),
      maleAdult: sum(victims.rows, 'male_adult'),
    },
    victimsByDestination: [...destinations].map(([destination, d]) => ({ destination, ...d })),
    monthly: months.map((m) => ({
      month: m,
      inspections: monthsInspected.get(m) ?? 0,
      complaints: monthsComplained.get(m) ?? 0,
    })),
    districts: [...districtRows.values()].sort(
      (x, y) =>
        y.inspections - x.inspections || y.complaints - x.complaints || x.district.localeCompare(y.district),
    ),
  }
}

/** Every calendar month the period touches, as "YYYY-MM". */
export function monthsOf(f: { from: string; to: string }): string[] {
  const months: string[] = []
  let [year, m] = f.from.slice(0, 7).split('-').map(Number) as [number, number]
  const last = f.to.slice(0, 7)
  for (;;) {
    const key = `${year}-${String(m).padStart(2, '0')}`
    months.push(key)
    if (key >= last) return months
    m += 1
    if (m > 12) {
      m = 1
      year += 1
    }
  }
}
