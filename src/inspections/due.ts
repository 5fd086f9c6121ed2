import { sql } from 'kysely'
import { demeritWindowStart } from '../complaints/rules.js'
import type { Database } from '../db/database.js'
import { currentRegistryVersion } from '../db/registry-version.js'
import { lesothoDateOf, todayInLesotho } from '../time.js'
import type { District, Sector, WorksiteKind } from '../vocabulary.js'
import { SECTOR_LABELS } from '../vocabulary.js'
import { type WorksiteRisk, type WorksiteRiskFacts, worksiteRisk, worksiteRiskScore } from './risk.js'

// "Where to inspect next" for one district: every worksite's risk facts in one query, the score
// from the pure rules (src/inspections/risk.ts), highest first. A recruiter counts as flagged
// when a substantiated complaint or inspection finding against it still counts (24 months).

export const DUE_PER_PAGE = 25

interface FactsRow {
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
const KEPT_ROWS = 500
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
    const ranked = await rankDistrict(db, district, today)
    return { rows: shown(ranked.slice(start, start + DUE_PER_PAGE)), total: ranked.length }
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
    const ranking = rankDistrict(db, district, today).then((ranked) => ({
      rows: ranked.slice(0, KEPT_ROWS),
      total: ranked.length,
    }))
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

/** Every worksite of the district, ranked by the risk rules (no kept result). */
export async function rankDistrict(
  db: Database,
  district: District,
  today: string,
): Promise<RankedWorksite[]> {
  // A decision counts when its UTC date is after the window's start (as in the flag rules),
  // written as a range so the indexes of substantiated decisions serve it.
  const afterWindow = sql`(${demeritWindowStart(today)}::date + 1)::timestamp at time zone 'UTC'`
  // Each worksite keeps its own facts (src/inspections/worksite-facts.ts); the complaint facts
  // are read once per recruiting agency, shared by every worksite that agency supplies.
  const { rows } = await sql<FactsRow>`
    with ws as (
      select id, name, kind, sector, village, latitude, longitude, last_inspected_at as last_visit,
        indicators_observed as observed, indicators_suspected as suspected
      from worksites where district = ${district} and merged_into_id is null
    ),
    links as (
      select wr.worksite_id, wr.agency_id from worksite_recruiters wr join ws on ws.id = wr.worksite_id
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
    select ws.id, ws.name, ws.kind, ws.sector, ws.village, ws.latitude, ws.longitude, ws.last_visit,
      -- Counted here: working out Lesotho's date in JavaScript for 20,000 rows costs more.
      ${today}::date - ${lesothoDateOf('ws.last_visit')} as days_since,
      ws.observed, ws.suspected,
      coalesce(su.open_complaints, 0) as open_complaints, coalesce(su.flagged_recruiters, 0) as flagged_recruiters
    from ws left join supplied su on su.worksite_id = ws.id`.execute(db)
  const ranked: RankedWorksite[] = rows
    .map((r) => {
      const facts: WorksiteRiskFacts = {
        sector: r.sector,
        daysSinceLastInspection: r.days_since,
        indicatorsObserved: r.observed,
        indicatorsSuspected: r.suspected,
        openComplaints: r.open_complaints,
        flaggedRecruiters: r.flagged_recruiters,
      }
      return {
        id: r.id,
        name: r.name,
        kind: r.kind,
        sector: r.sector,
        village: r.village,
        latitude: r.latitude,
        longitude: r.longitude,
        lastVisit: r.last_visit,
        facts,
        score: worksiteRiskScore(facts),
      }
    })
    .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name))
  return ranked
}
