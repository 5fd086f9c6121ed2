import { sql } from 'kysely'
import type { Database } from '../db/database.js'
import { LESOTHO_TIME_ZONE } from '../time.js'
import { type AgencyFlags, agencyFlags, type ComplaintCategory, type PublicFlag } from './rules.js'

// The facts the flag rules need (src/complaints/rules.ts), read as one JSON value per agency in
// the same query as the agency itself: a page of results or a verify page costs one round trip,
// not one per kind of fact.

/** What flagFacts() gives for one agency. Times are ISO strings in UTC, as toISOString() writes. */
export interface FlagFacts {
  /** A complaint's reference is the reporter's key: read only for staff (`withReferences`). */
  complaints: { reference: string | null; proven: ComplaintCategory[]; points: number; decidedAt: string }[]
  inspections: { visitedOn: string; proven: ComplaintCategory[]; points: number; decidedAt: string }[]
  clearances: { flag: PublicFlag; clearedAt: string }[]
  open: number
  unreviewed: number
}

const iso = (column: string) =>
  sql`to_char(${sql.ref(column)} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`

/**
 * The flag facts of the agency whose id is `agencyId` (a column of the query it goes into), as a
 * select-list expression. Open complaints, unreviewed findings and complaint references (the
 * reporters' keys) are read only for staff; a public query never holds them.
 */
export function flagFacts(
  agencyId: string,
  options: { withOpenComplaints?: boolean; withReferences?: boolean } = {},
) {
  const id = sql.ref(agencyId)
  const counted = options.withOpenComplaints
  const reference = options.withReferences ? sql`c.reference` : sql`null`
  return sql<FlagFacts>`json_build_object(
    'complaints', coalesce((
      select json_agg(json_build_object('reference', ${reference}, 'proven', c.proven_categories,
        'points', c.demerit_points, 'decidedAt', ${iso('c.decided_at')}))
      from complaints c where c.agency_id = ${id} and c.outcome = 'substantiated'), '[]'::json),
    'inspections', coalesce((
      select json_agg(json_build_object(
        'visitedOn', (i.visited_at at time zone ${sql.lit(LESOTHO_TIME_ZONE)})::date,
        'proven', f.proven_categories, 'points', f.demerit_points, 'decidedAt', ${iso('f.decided_at')}))
      from inspection_findings f join inspections i on i.id = f.inspection_id
      where f.agency_id = ${id} and f.status = 'substantiated'), '[]'::json),
    'clearances', coalesce((
      select json_agg(json_build_object('flag', fc.flag, 'clearedAt', ${iso('fc.cleared_at')}))
      from flag_clearances fc where fc.agency_id = ${id}), '[]'::json),
    'open', ${
      counted
        ? sql`(select count(*) from complaints c where c.agency_id = ${id} and c.status in ('received', 'under_review'))`
        : sql`0`
    },
    'unreviewed', ${
      counted
        ? sql`(select count(*) from inspection_findings f where f.agency_id = ${id} and f.status = 'unreviewed')`
        : sql`0`
    })`
}

/** An agency's flags and points today, from its facts. */
export function flagsFrom(facts: FlagFacts, today: string): AgencyFlags {
  return agencyFlags({
    findings: [
      ...facts.complaints.map((c) => ({
        reference: c.reference ?? '',
        fromComplaint: true,
        proven: c.proven,
        points: c.points,
        decidedAt: c.decidedAt,
      })),
      // Substantiated inspection findings count exactly like substantiated complaints.
      ...facts.inspections.map((f) => ({
        reference: `Inspection on ${f.visitedOn}`,
        fromComplaint: false,
        proven: f.proven,
        points: f.points,
        decidedAt: f.decidedAt,
      })),
    ],
    clearances: facts.clearances,
    openComplaints: facts.open,
    unreviewedFindings: facts.unreviewed,
    today,
  })
}

/** Each agency's flags and points today, for staff pages, in one query; agencies without findings get empty flags. */
export async function flagsForAgencies(
  db: Database,
  agencyIds: readonly string[],
  today: string,
  options: { withOpenComplaints?: boolean } = {},
): Promise<Map<string, AgencyFlags>> {
  const ids = [...new Set(agencyIds)]
  if (ids.length === 0) return new Map()
  const rows = await db
    .selectFrom('agencies')
    .select(['agencies.id', flagFacts('agencies.id', { ...options, withReferences: true }).as('facts')])
    .where('agencies.id', 'in', ids)
    .execute()
  return new Map(rows.map((r) => [r.id, flagsFrom(r.facts, today)]))
}
