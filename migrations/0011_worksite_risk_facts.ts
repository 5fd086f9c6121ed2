import { type Kysely, sql } from 'kysely'

// "Due for inspection" ranks every worksite of a district. Read from the inspections each time,
// that is 100,000 inspections to group for a big district; instead each worksite keeps its
// facts (last visit, indicators found) and the registered recruiters seen supplying it, brought
// up to date in the transaction that submits or amends one of its inspections.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table worksites
      add column last_inspected_at timestamptz,
      add column indicators_observed integer not null default 0,
      add column indicators_suspected integer not null default 0`.execute(db)
  await sql`
    create table worksite_recruiters (
      worksite_id uuid not null references worksites,
      agency_id uuid not null references agencies,
      last_seen_at timestamptz not null,
      primary key (worksite_id, agency_id)
    )`.execute(db)
  await sql`create index worksite_recruiters_agency_idx on worksite_recruiters (agency_id)`.execute(db)
  await sql`
    create constraint trigger registry_changed
    after insert or update or delete on worksite_recruiters
    deferrable initially deferred
    for each row execute function bump_registry_version()`.execute(db)

  await sql`
    update worksites w
    set last_inspected_at = f.last_visit, indicators_observed = f.observed, indicators_suspected = f.suspected
    from (
      select i.worksite_id, max(i.visited_at) as last_visit,
        count(ii.indicator) filter (where ii.level = 'observed')::int as observed,
        count(ii.indicator) filter (where ii.level = 'suspected')::int as suspected
      from inspections i left join inspection_indicators ii on ii.inspection_id = i.id
      where i.status = 'submitted'
      group by i.worksite_id
    ) f
    where f.worksite_id = w.id`.execute(db)
  await sql`
    insert into worksite_recruiters (worksite_id, agency_id, last_seen_at)
    select i.worksite_id, r.agency_id, max(i.visited_at)
    from inspection_recruiters r join inspections i on i.id = r.inspection_id
    where i.status = 'submitted' and r.agency_id is not null
    group by i.worksite_id, r.agency_id`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table worksite_recruiters`.execute(db)
  await sql`
    alter table worksites
      drop column last_inspected_at, drop column indicators_observed, drop column indicators_suspected`.execute(
    db,
  )
}
