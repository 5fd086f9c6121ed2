import { type RawBuilder, sql } from 'kysely'
import { demeritWindowStart } from '../complaints/rules.js'
import type { Database } from '../db/database.js'
import { currentRegistryVersion } from '../db/registry-version.js'
import { lesothoDateOf, todayInLesotho } from '../time.js'
import type { District, Sector, WorksiteKind } from '../vocabulary.js'
import { SECTOR_LABELS, SECTORS } from '../vocabulary.js'
import {
  DAYS_PER_MONTH,
  RISK_CEILINGS,
  RISK_WEIGHTS,
  SECTOR_RISK,
  type WorksiteRisk,
  type WorksiteRiskFacts,
  worksiteRisk,
} from './risk.js'

// "Where to inspect next" for one district: every worksite's risk facts and score in one query,
// highest first; the page shown gets its reasons in words from the pure rules
// (src/inspections/risk.ts). A recruiter counts as flagged when a substantiated complaint or
// inspection finding against it still counts (24 months).

export const DUE_PER_PAGE = 25

/** The facts the score is made of, as SQL expressions over one worksite's row. */
export interface RiskFactsSql {
  sector: RawBuilder<unknown>
  daysSinceLastInspection: RawBuilder<unknown>
  indicatorsObserved: RawBuilder<unknown>
  indicatorsSuspected: RawBuilder<unknown>
  openComplaints: RawBuilder<unknown>
  flaggedRecruiters: RawBuilder<unknown>
}

/**
 * worksiteRisk's score as an SQL expression, from the same weights and ceilings: PostgreSQL ranks
 * a district of 20,000 worksites and sends only the page kept, instead of every worksite's facts
 * (reading 20,000 rows into JavaScript cost as much as the query). A test holds the two to the
 * same score for every mix of facts.
 */
export function riskScoreSql(f: RiskFactsSql): RawBuilder<number> {
  const n = (value: number) => sql.lit(value)
  const sectorPoints = sql.join(
    SECTORS.map((s) => sql`when ${sql.lit(s)} then ${n(SECTOR_RISK[s])}`),
    sql` `,
  )
  return sql<number>`(
    case when ${f.daysSinceLastInspection} is null then ${n(RISK_CEILINGS.timeSinceInspection)}
      -- A visit dated after today (a device's clock ahead) adds nothing, as no reason is negative.
      else greatest(0, least(${n(RISK_CEILINGS.timeSinceInspection)},
        floor(${f.daysSinceLastInspection} / ${n(DAYS_PER_MONTH)}.0)::int * ${n(RISK_WEIGHTS.perMonthSinceInspection)})) end
    + least(${n(RISK_CEILINGS.indicators)}, ${f.indicatorsObserved} * ${n(RISK_WEIGHTS.perIndicatorObserved)}
      + ${f.indicatorsSuspected} * ${n(RISK_WEIGHTS.perIndicatorSuspected)})
    + least(${n(RISK_CEILINGS.complaints)}, ${f.openComplaints} * ${n(RISK_WEIGHTS.perOpenComplaint)})
    + least(${n(RISK_CEILINGS.flaggedRecruiters)}, ${f.flaggedRecruiters} * ${n(RISK_WEIGHTS.perFlaggedRecruiter)})
    + case ${f.sector} ${sectorPoints} else 0 end)`
}

interface RankedRow {
  id: string
  name: string
  kind: WorksiteKind
  sector: Sector
  village: string
  latitude: number | null
  longitude: number | null
  last_visit: Date | null
  days_since: number | null
  observed: number
  suspected: number
  open_complaints: number
  flagged_recruiters: number
  score: number
  total: number
}

/** A worksite in its district's ranking: its facts and score, without the words. */
export interface RankedWorksite {
  id: string
  name: string
  kind: WorksiteKind
  sector: Sector
  village: string
  latitude: number | null
  longitude: number | null
  lastVisit: Date | null
  facts: WorksiteRiskFacts
  score: number
}

/** A worksite as the due list shows it, with the reasons for its score. */
export type DueWorksite = Omit<RankedWorksite, 'facts'> & WorksiteRisk

/** The reasons are worded only for the page shown. */
const shown = (rows: RankedWorksite[]): DueWorksite[] =>
  rows.map(({ facts, ...row }) => ({ ...row, ...worksiteRisk(facts, (s) => SECTOR_LABELS[s]) }))

// A district's ranking is worked out once and kept while the registry is unchanged and the day
// is the same (the score counts days, not hours): every inspector of the district then reads
// the kept one. The first pages are kept; a page beyond them is ranked afresh.
export const KEPT_ROWS = 500
interface KeptRanking {
  version: string
  today: string
  ranking: Promise<{ rows: RankedWorksite[]; total: number }>
}
const kept = new WeakMap<Database, Map<District, KeptRanking>>()

/** A page of the district's worksites, highest risk first, and how many there are. */
export async function dueForInspection(
  db: Database,
  district: District,
  page: number,
  today = todayInLesotho(),
): Promise<{ rows: DueWorksite[]; total: number }> {
  const start = (page - 1) * DUE_PER_PAGE
  if (start + DUE_PER_PAGE > KEPT_ROWS) {
    const { rows, total } = await rankDistrict(db, district, today, { offset: start, limit: DUE_PER_PAGE })
    return { rows: shown(rows), total }
  }
  // Read before ranking: the ranking then holds at least everything this version does.
  const version = await currentRegistryVersion(db)
  let districts = kept.get(db)
  if (!districts) {
    districts = new Map()
    kept.set(db, districts)
  }
  let entry = districts.get(district)
  if (!entry || entry.version !== version || entry.today !== today) {
    const ranking = rankDistrict(db, district, today, { offset: 0, limit: KEPT_ROWS })
    const made: KeptRanking = { version, today, ranking }
    entry = made
    districts.set(district, made)
    const forget = districts
    ranking.catch(() => {
      if (forget.get(district) === made) forget.delete(district)
    })
  }
  const { rows, total } = await entry.ranking
  return { rows: shown(rows.slice(start, start + DUE_PER_PAGE)), total }
}

/**
 * The district's worksites ranked by the risk rules, highest first (of equal scores, by name):
 * `limit` of them from `offset`, and how many the district has. Nothing kept.
 */
export async function rankDistrict(
  db: Database,
  district: District,
  today: string,
  page: { offset: number; limit: number },
): Promise<{ rows: RankedWorksite[]; total: number }> {
  // A decision counts when its UTC date is after the window's start (as in the flag rules),
  // written as a range so the indexes of substantiated decisions serve it.
  const afterWindow = sql`(${demeritWindowStart(today)}::date + 1)::timestamp at time zone 'UTC'`
  // The district's worksites are read twice rather than kept in a CTE: a materialised CTE of
  // 20,000 rows made PostgreSQL hash all 156,000 links instead of the district's worksites,
  // and took twice as long (Leribe: 225 -> 110 ms). Each link keeps its worksite's district
  // (migration 0035), so the district's links come from an index.
  const inDistrict = sql`w.district = ${district} and w.merged_into_id is null`
  // Counted apart: a window count made PostgreSQL hold every row before sorting (60 ms).
  const districtSize = sql<number>`(select count(*) from worksites w where ${inDistrict})::int`
  const score = riskScoreSql({
    sector: sql`w.sector`,
    daysSinceLastInspection: sql`days_since`,
    indicatorsObserved: sql`w.indicators_observed`,
    indicatorsSuspected: sql`w.indicators_suspected`,
    openComplaints: sql`coalesce(su.open_complaints, 0)`,
    flaggedRecruiters: sql`coalesce(su.flagged_recruiters, 0)`,
  })
  // Each worksite keeps its own facts (src/inspections/worksite-facts.ts); the complaint facts
  // are read once per recruiting agency, shared by every worksite that agency supplies.
  const { rows } = await sql<RankedRow>`
    with links as (
      select wr.worksite_id, wr.agency_id from worksite_recruiters wr where wr.district = ${district}
    ),
    -- Every agency's, from small partial indexes: cheaper than looking up the district's
    -- recruiters one by one (most agencies supply a large district's worksites).
    open_complaints as (
      select c.agency_id, count(*)::int as n from complaints c
      where c.status in ('received', 'under_review')
      group by c.agency_id
    ),
    flagged as (
      select c.agency_id from complaints c
      where c.outcome = 'substantiated' and c.decided_at >= ${afterWindow}
      union
      select f.agency_id from inspection_findings f
      where f.status = 'substantiated' and f.decided_at >= ${afterWindow}
    ),
    supplied as (
      select l.worksite_id, coalesce(sum(o.n), 0)::int as open_complaints,
        count(fl.agency_id)::int as flagged_recruiters
      from links l
        left join open_complaints o on o.agency_id = l.agency_id
        left join flagged fl on fl.agency_id = l.agency_id
      group by l.worksite_id
    )
    select w.id, w.name, w.kind, w.sector, w.village, w.latitude, w.longitude,
      w.last_inspected_at as last_visit, days_since,
      w.indicators_observed as observed, w.indicators_suspected as suspected,
      coalesce(su.open_complaints, 0) as open_complaints,
      coalesce(su.flagged_recruiters, 0) as flagged_recruiters,
      ${score} as score, ${districtSize} as total
    from worksites w
      left join supplied su on su.worksite_id = w.id
      cross join lateral (select ${today}::date - ${lesothoDateOf('w.last_inspected_at')} as days_since) d
    where ${inDistrict}
    -- Equal scores by name, accents read as plain letters (migration 0036).
    order by score desc, w.name_order collate "C", w.name collate "C", w.id
    offset ${page.offset} limit ${page.limit}`.execute(db)
  return {
    // A page past the last has no row to carry the count.
    total:
      rows[0]?.total ??
      (await sql<{ total: number }>`select ${districtSize} as total`.execute(db)).rows[0]!.total,
    rows: rows.map((r) => ({
      id: r.id,
      name: r.name,
      kind: r.kind,
      sector: r.sector,
      village: r.village,
      latitude: r.latitude,
      longitude: r.longitude,
      lastVisit: r.last_visit,
      facts: {
        sector: r.sector,
        daysSinceLastInspection: r.days_since,
        indicatorsObserved: r.observed,
        indicatorsSuspected: r.suspected,
        openComplaints: r.open_complaints,
        flaggedRecruiters: r.flagged_recruiters,
      },
      score: r.score,
    })),
  }
}
