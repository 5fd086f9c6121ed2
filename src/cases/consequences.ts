import { sql } from 'kysely'
import type { Database } from '../db/database.js'
import type { AgencyLink, SuspectKind, Verdict } from './parties.js'

// What a criminal case means for an agency, for the licensing office: that cases name it or its
// people and at which stage, and the convictions that stand. No suspect's name or ID number
// leaves through these queries; the licensing office does not read the cases themselves.

export interface CaseNamingAgency {
  case_id: string
  station: string
  case_number: number
  case_year: number
  stage: string
  kind: SuspectKind
  agency_link: AgencyLink | null
  verdict: Verdict | null
  verdict_on: string | null
  overturned_on: string | null
}

/** Each case naming the agency or a person of it, one row per suspect so named, newest case first. */
export function casesNamingAgency(db: Database, agencyId: string): Promise<CaseNamingAgency[]> {
  return db
    .selectFrom('case_suspects as s')
    .innerJoin('criminal_cases as k', 'k.id', 's.case_id')
    .select([
      'k.id as case_id',
      'k.station',
      'k.case_number',
      'k.case_year',
      'k.stage',
      's.kind',
      's.agency_link',
      's.verdict',
      sql<string | null>`s.verdict_on::text`.as('verdict_on'),
      sql<string | null>`s.overturned_on::text`.as('overturned_on'),
    ])
    .where('s.agency_id', '=', agencyId)
    .orderBy('k.opened_on', 'desc')
    .orderBy('s.created_at')
    .execute()
}

/**
 * Agencies with a standing conviction of their own, or of their principal or director, for the
 * licensing office's review: the latest conviction first.
 */
export function agenciesWithConvictions(db: Database) {
  return db
    .selectFrom('case_suspects as s')
    .innerJoin('agencies as a', 'a.id', 's.agency_id')
    .leftJoin('licences as l', 'l.agency_id', 'a.id')
    .select([
      'a.id',
      'a.legal_name',
      'l.licence_number',
      sql<string>`max(s.verdict_on)::text`.as('convicted_on'),
      sql<boolean>`bool_or(s.kind = 'agency')`.as('agency_convicted'),
      sql<number>`count(*) filter (where s.kind = 'agency_person')::int`.as('people_convicted'),
    ])
    .where('s.verdict', '=', 'convicted')
    .where('s.overturned_on', 'is', null)
    .where((eb) => eb.or([eb('s.kind', '=', 'agency'), eb('s.agency_link', 'in', ['principal', 'director'])]))
    .groupBy(['a.id', 'a.legal_name', 'l.licence_number'])
    .orderBy(sql`max(s.verdict_on)`, 'desc')
    .limit(100)
    .execute()
}
export type AgencyWithConviction = Awaited<ReturnType<typeof agenciesWithConvictions>>[number]
