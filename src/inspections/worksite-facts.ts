import { sql } from 'kysely'
import type { Database } from '../db/database.js'

/**
 * Brings a worksite's kept facts up to date from its submitted inspections: the last visit,
 * the indicators found, and the registered recruiters seen supplying it (migration 0011). Called
 * in the transaction that submits or amends an inspection; without a worksite, for all of them
 * (after a bulk load). It recounts rather than adds, so an amendment leaves the facts right.
 */
export async function refreshWorksiteFacts(db: Database, worksiteId?: string) {
  const of = (column: string) => (worksiteId ? sql`and ${sql.ref(column)} = ${worksiteId}` : sql``)
  await sql`
    with facts as (
      select i.worksite_id, max(i.visited_at) as last_visit,
        count(ii.indicator) filter (where ii.level = 'observed')::int as observed,
        count(ii.indicator) filter (where ii.level = 'suspected')::int as suspected
      from inspections i left join inspection_indicators ii on ii.inspection_id = i.id
      where i.status = 'submitted' ${of('i.worksite_id')}
      group by i.worksite_id
    ),
    seen as (
      select i.worksite_id, r.agency_id, max(i.visited_at) as last_seen
      from inspection_recruiters r join inspections i on i.id = r.inspection_id
      where i.status = 'submitted' and r.agency_id is not null ${of('i.worksite_id')}
      group by i.worksite_id, r.agency_id
    ),
    updated as (
      update worksites w
      set last_inspected_at = f.last_visit, indicators_observed = f.observed,
        indicators_suspected = f.suspected
      from facts f where w.id = f.worksite_id
    ),
    gone as (
      delete from worksite_recruiters wr
      where true ${of('wr.worksite_id')} and not exists (
        select 1 from seen s where s.worksite_id = wr.worksite_id and s.agency_id = wr.agency_id)
    )
    insert into worksite_recruiters (worksite_id, agency_id, last_seen_at)
    select worksite_id, agency_id, last_seen from seen
    on conflict (worksite_id, agency_id) do update set last_seen_at = excluded.last_seen_at`.execute(db)
}

/**
 * Adds one newly submitted inspection to its worksite's facts: the later visit, its indicators,
 * the registered recruiters it saw. What a recount would give, for a fraction of the work (a
 * recount reads every inspection of the worksite); amendments, which can take things away,
 * recount instead.
 */
export async function addToWorksiteFacts(
  db: Database,
  worksiteId: string,
  visit: { at: Date; observed: number; suspected: number; agencyIds: readonly string[] },
) {
  const facts = db
    .updateTable('worksites')
    .set((eb) => ({
      last_inspected_at: sql`greatest(last_inspected_at, ${visit.at}::timestamptz)`,
      indicators_observed: eb('indicators_observed', '+', visit.observed),
      indicators_suspected: eb('indicators_suspected', '+', visit.suspected),
    }))
    .where('id', '=', worksiteId)
  const agencies = [...new Set(visit.agencyIds)]
  if (agencies.length === 0) return facts.execute()
  // Both in one statement: the worksite's row and the recruiters it was seen with.
  await db
    .with('facts', () => facts.returning('id'))
    .insertInto('worksite_recruiters')
    .values(agencies.map((agency_id) => ({ worksite_id: worksiteId, agency_id, last_seen_at: visit.at })))
    .onConflict((oc) =>
      oc.columns(['worksite_id', 'agency_id']).doUpdateSet({
        last_seen_at: sql`greatest(worksite_recruiters.last_seen_at, excluded.last_seen_at)`,
      }),
    )
    .execute()
}
