import { sql } from 'kysely'
import { demeritWindowStart } from '../complaints/rules.js'
import type { Database } from '../db/database.js'
import { dateInLesotho, daysBetween, todayInLesotho } from '../licensing/dates.js'
import type { District, Sector, WorksiteKind } from '../vocabulary.js'
import { SECTOR_LABELS } from '../vocabulary.js'
import { type WorksiteRisk, worksiteRisk } from './risk.js'

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
  last_visit: Date | null
  observed: number
  suspected: number
  open_complaints: number
  flagged_recruiters: number
}

export interface DueWorksite extends WorksiteRisk {
  id: string
  name: string
  kind: WorksiteKind
  sector: Sector
  village: string
  lastVisit: Date | null
}

export async function dueForInspection(
  db: Database,
  district: District,
  page: number,
  today = todayInLesotho(),
) {
  const windowStart = demeritWindowStart(today)
  const { rows } = await sql<FactsRow>`
    with ws as (
      select id, name, kind, sector, village from worksites
      where district = ${district} and merged_into_id is null
    ),
    visits as (
      select i.id, i.worksite_id, i.visited_at from inspections i
      where i.status = 'submitted' and i.worksite_id in (select id from ws)
    ),
    indicators as (
      select v.worksite_id,
        count(*) filter (where ii.level = 'observed')::int as observed,
        count(*) filter (where ii.level = 'suspected')::int as suspected
      from inspection_indicators ii join visits v on v.id = ii.inspection_id
      group by v.worksite_id
    ),
    recruiters as (
      select distinct v.worksite_id, r.agency_id
      from inspection_recruiters r join visits v on v.id = r.inspection_id
      where r.agency_id is not null
    ),
    complaints_open as (
      select rc.worksite_id, count(*)::int as n
      from recruiters rc join complaints c on c.agency_id = rc.agency_id
      where c.status in ('received', 'under_review')
      group by rc.worksite_id
    ),
    flagged as (
      select rc.worksite_id, count(*)::int as n from recruiters rc
      where exists (select 1 from complaints c where c.agency_id = rc.agency_id
          and c.outcome = 'substantiated' and (c.decided_at at time zone 'UTC')::date > ${windowStart}::date)
        or exists (select 1 from inspection_findings f where f.agency_id = rc.agency_id
          and f.status = 'substantiated' and (f.decided_at at time zone 'UTC')::date > ${windowStart}::date)
      group by rc.worksite_id
    )
    select ws.id, ws.name, ws.kind, ws.sector, ws.village,
      (select max(v.visited_at) from visits v where v.worksite_id = ws.id) as last_visit,
      coalesce(ind.observed, 0) as observed, coalesce(ind.suspected, 0) as suspected,
      coalesce(co.n, 0) as open_complaints, coalesce(fl.n, 0) as flagged_recruiters
    from ws
      left join indicators ind on ind.worksite_id = ws.id
      left join complaints_open co on co.worksite_id = ws.id
      left join flagged fl on fl.worksite_id = ws.id`.execute(db)
  const ranked: DueWorksite[] = rows
    .map((r) => ({
      id: r.id,
      name: r.name,
      kind: r.kind,
      sector: r.sector,
      village: r.village,
      lastVisit: r.last_visit,
      ...worksiteRisk(
        {
          sector: r.sector,
          daysSinceLastInspection: r.last_visit ? daysBetween(dateInLesotho(r.last_visit), today) : null,
          indicatorsObserved: r.observed,
          indicatorsSuspected: r.suspected,
          openComplaints: r.open_complaints,
          flaggedRecruiters: r.flagged_recruiters,
        },
        (s) => SECTOR_LABELS[s],
      ),
    }))
    .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name))
  const start = (page - 1) * DUE_PER_PAGE
  return { rows: ranked.slice(start, start + DUE_PER_PAGE), total: ranked.length }
}
