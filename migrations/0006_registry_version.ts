import { type Kysely, sql } from 'kysely'

// A counter that moves with every committed change to registry data, so that an instance can
// keep pages it rendered and know, with one tiny read, that they are still true (see
// src/http/kept-responses.ts). It moves in the same transaction as the change, so both become
// visible together. The triggers are deferred to commit and bump it once per transaction: the
// one row is locked only for an instant, after every other row the transaction touches, so it
// cannot take part in a deadlock. A new table of registry data adds the same trigger (a test
// checks that every table has it or is listed as exempt).
const WATCHED = [
  'agencies',
  'agency_people',
  'licences',
  'licence_applications',
  'licence_events',
  'licence_conditions',
  'worksites',
] as const

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table registry_version (
      only_row boolean primary key default true check (only_row),
      version bigint not null default 0,
      last_transaction xid8
    )`.execute(db)
  await sql`insert into registry_version default values`.execute(db)
  await sql`
    create function bump_registry_version() returns trigger language plpgsql as $$
    begin
      update registry_version
      set version = version + 1, last_transaction = pg_current_xact_id()
      where last_transaction is distinct from pg_current_xact_id();
      return null;
    end
    $$`.execute(db)
  for (const table of WATCHED) {
    await sql`
      create constraint trigger registry_changed
      after insert or update or delete on ${sql.table(table)}
      deferrable initially deferred
      for each row execute function bump_registry_version()`.execute(db)
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of WATCHED) {
    await sql`drop trigger registry_changed on ${sql.table(table)}`.execute(db)
  }
  await sql`drop function bump_registry_version()`.execute(db)
  await sql`drop table registry_version`.execute(db)
}
