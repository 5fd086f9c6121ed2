import { sql } from 'kysely'
import type { ComplaintCategory, ComplaintStatus } from '../complaints/rules.js'
import type { Database } from '../db/database.js'
import type { Indicator, InspectionType, ReferralDestination } from '../inspections/rules.js'
import { addDays, todayInLesotho } from '../licensing/dates.js'
import type { District } from '../vocabulary.js'
import type { ReportFilters } from './schemas.js'

// The dashboard's figures for a period and, optionally, one district or sector. Each group is
// one query, run side by side. A district is the worksite's for inspections, the complainant's
// for complaints and the agency's for licences; a sector is the worksite's, or one of the
// agency's (so a complaint about an unlisted recruiter has no sector and drops out of a
// sector's figures). Days are Lesotho's.

export interface DashboardFigures {
  licencesByStatus: { status: string; count: number }[]
  applications: { approved: number; refused: number; withdrawn: number; medianDays: number | null }
  complaintsByCategory: { category: ComplaintCategory; count: number }[]
  complaintsByStatus: { status: ComplaintStatus; count: number }[]
  complaints: { received: number; decided: number; substantiated: number; referredToPolice: number }
  inspectionsByType: { type: InspectionType; count: number }[]
  inspections: { total: number; withIndicator: number; criminalInvestigations: number }
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
  start: sql`(${f.from}::date)::timestamp at time zone 'Africa/Maseru'`,
  end: sql`(${addDays(f.to, 1)}::date)::timestamp at time zone 'Africa/Maseru'`,
})

/** The period's submitted inspections with their worksite's district and sector. */
function inspectionsIn(f: ReportFilters) {
  const { start, end } = bounds(f)
  return sql`
    select i.id, i.type, i.outcome, i.visited_at, w.district, w.sector
    from inspections i join worksites w on w.id = i.worksite_id
    where i.status = 'submitted' and i.visited_at >= ${start} and i.visited_at < ${end}
      and (${f.district}::text is null or w.district = ${f.district})
      and (${f.sector}::text is null or w.sector = ${f.sector})`
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
    byStatus,
    complaintTotals,
    byType,
    inspectionTotals,
    indicators,
    victims,
    monthly,
    districts,
  ] = await Promise.all([
    // Licences as they stand today: an active licence past its expiry date counts as expired.
    sql<{ status: string; count: number }>`
      select case when l.status = 'active' and l.expires_on < ${today}::date then 'expired' else l.status end
        as status, count(*)::int as count
      from licences l join agencies a on a.id = l.agency_id
      where ${agencyMatches}
      group by 1 order by 2 desc`.execute(db),
    sql<{ approved: number; refused: number; withdrawn: number; median_days: number | null }>`
      select count(*) filter (where la.status = 'approved')::int as approved,
        count(*) filter (where la.status = 'refused')::int as refused,
        count(*) filter (where la.status = 'withdrawn')::int as withdrawn,
        (percentile_cont(0.5) within group (
          order by extract(epoch from la.decided_at - la.submitted_at) / 86400))::float8 as median_days
      from licence_applications la join agencies a on a.id = la.agency_id
      where la.decided_at >= ${start} and la.decided_at < ${end} and ${agencyMatches}`.execute(db),
    sql<{ category: ComplaintCategory; count: number }>`
      select category, count(*)::int as count
      from (${complaintsMatching(f)}) c cross join unnest(c.categories) as category
      where c.created_at >= ${start} and c.created_at < ${end}
      group by 1 order by 2 desc, 1`.execute(db),
    sql<{ status: ComplaintStatus; count: number }>`
      select c.status, count(*)::int as count from (${complaintsMatching(f)}) c
      where c.created_at >= ${start} and c.created_at < ${end}
      group by 1 order by 2 desc, 1`.execute(db),
    sql<{ received: number; decided: number; substantiated: number; referred: number }>`
      select count(*) filter (where c.created_at >= ${start} and c.created_at < ${end})::int as received,
        count(*) filter (where c.decided_at >= ${start} and c.decided_at < ${end})::int as decided,
        count(*) filter (where c.decided_at >= ${start} and c.decided_at < ${end}
          and c.outcome = 'substantiated')::int as substantiated,
        count(*) filter (where c.referred_at >= ${start} and c.referred_at < ${end})::int as referred
      from (${complaintsMatching(f)}) c`.execute(db),
    sql<{ type: InspectionType; count: number }>`
      select i.type, count(*)::int as count from (${inspectionsIn(f)}) i group by 1 order by 2 desc, 1`.execute(
      db,
    ),
    sql<{ total: number; with_indicator: number; investigations: number }>`
      select count(*)::int as total,
        count(*) filter (where exists (select 1 from inspection_indicators ii
          where ii.inspection_id = i.id and ii.level = 'observed'))::int as with_indicator,
        count(*) filter (where i.outcome = 'criminal_investigation')::int as investigations
      from (${inspectionsIn(f)}) i`.execute(db),
    sql<{ indicator: Indicator; count: number }>`
      select ii.indicator, count(*)::int as count
      from (${inspectionsIn(f)}) i join inspection_indicators ii on ii.inspection_id = i.id
      where ii.level = 'observed'
      group by 1 order by 2 desc, 1`.execute(db),
    sql<{
      destination: ReferralDestination
      female_under_18: number
      female_adult: number
      male_under_18: number
      male_adult: number
      with_consent: number
    }>`
      select r.destination, sum(r.female_under_18)::int as female_under_18,
        sum(r.female_adult)::int as female_adult, sum(r.male_under_18)::int as male_under_18,
        sum(r.male_adult)::int as male_adult,
        sum(case when r.consent_recorded
          then r.female_under_18 + r.female_adult + r.male_under_18 + r.male_adult else 0 end)::int
          as with_consent
      from (${inspectionsIn(f)}) i join inspection_referrals r on r.inspection_id = i.id
      group by 1 order by 1`.execute(db),
    sql<{ month: string; inspections: number; complaints: number }>`
      with months as (
        select to_char(m, 'YYYY-MM') as month
        from generate_series(date_trunc('month', ${f.from}::date), ${f.to}::date, interval '1 month') as m
      ),
      i as (
        select to_char(i.visited_at at time zone 'Africa/Maseru', 'YYYY-MM') as month, count(*)::int as n
        from (${inspectionsIn(f)}) i group by 1
      ),
      c as (
        select to_char(c.created_at at time zone 'Africa/Maseru', 'YYYY-MM') as month, count(*)::int as n
        from (${complaintsMatching(f)}) c
        where c.created_at >= ${start} and c.created_at < ${end}
        group by 1
      )
      select months.month, coalesce(i.n, 0) as inspections, coalesce(c.n, 0) as complaints
      from months left join i using (month) left join c using (month)
      order by months.month`.execute(db),
    sql<{
      district: District
      inspections: number
      with_indicator: number
      complaints: number
      victims: number
      investigations: number
    }>`
      with i as (
        select i.district, count(*)::int as inspections,
          count(*) filter (where exists (select 1 from inspection_indicators ii
            where ii.inspection_id = i.id and ii.level = 'observed'))::int as with_indicator,
          count(*) filter (where i.outcome = 'criminal_investigation')::int as investigations,
          coalesce(sum((select sum(r.female_under_18 + r.female_adult + r.male_under_18 + r.male_adult)
            from inspection_referrals r where r.inspection_id = i.id)), 0)::int as victims
        from (${inspectionsIn(f)}) i group by 1
      ),
      c as (
        select c.district, count(*)::int as complaints from (${complaintsMatching(f)}) c
        where c.created_at >= ${start} and c.created_at < ${end} and c.district is not null
        group by 1
      )
      select coalesce(i.district, c.district) as district, coalesce(i.inspections, 0) as inspections,
        coalesce(i.with_indicator, 0) as with_indicator, coalesce(c.complaints, 0) as complaints,
        coalesce(i.victims, 0) as victims, coalesce(i.investigations, 0) as investigations
      from i full join c on c.district = i.district
      order by 2 desc, 4 desc, 1`.execute(db),
  ])
  const a = applications.rows[0]!
  const ct = complaintTotals.rows[0]!
  const it = inspectionTotals.rows[0]!
  const sum = (key: 'female_under_18' | 'female_adult' | 'male_under_18' | 'male_adult') =>
    victims.rows.reduce((total, r) => total + n(r[key]), 0)
  return {
    licencesByStatus: licences.rows,
    applications: {
      approved: n(a.approved),
      refused: n(a.refused),
      withdrawn: n(a.withdrawn),
      medianDays: a.median_days === null ? null : Math.round(Number(a.median_days) * 10) / 10,
    },
    complaintsByCategory: byCategory.rows,
    complaintsByStatus: byStatus.rows,
    complaints: {
      received: n(ct.received),
      decided: n(ct.decided),
      substantiated: n(ct.substantiated),
      referredToPolice: n(ct.referred),
    },
    inspectionsByType: byType.rows,
    inspections: {
      total: n(it.total),
      withIndicator: n(it.with_indicator),
      criminalInvestigations: n(it.investigations),
    },
    indicatorsObserved: indicators.rows,
    victimsByGroup: {
      femaleUnder18: sum('female_under_18'),
      femaleAdult: sum('female_adult'),
      maleUnder18: sum('male_under_18'),
      maleAdult: sum('male_adult'),
    },
    victimsByDestination: victims.rows.map((r) => ({
      destination: r.destination,
      count: n(r.female_under_18) + n(r.female_adult) + n(r.male_under_18) + n(r.male_adult),
      withConsent: n(r.with_consent),
    })),
    monthly: monthly.rows,
    districts: districts.rows.map((r) => ({
      district: r.district,
      inspections: n(r.inspections),
      withIndicator: n(r.with_indicator),
      complaints: n(r.complaints),
      victims: n(r.victims),
      criminalInvestigations: n(r.investigations),
    })),
  }
}
