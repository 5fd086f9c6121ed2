import { type Kysely, sql } from 'kysely'

// A submitted inspection confirmed by the other service on the team (a police officer for a
// labour inspector's record, and the other way round): one confirmation per version of the
// record, so an amendment asks for it again. `inspections.confirmed_version` says which version
// the latest confirmation is of, so counting "confirmed by both" reads the inspection alone.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table inspection_confirmations (
    id uuid primary key default gen_random_uuid(),
    inspection_id uuid not null references inspections(id),
    inspection_version integer not null,
    record_user_id uuid not null references users(id),
    record_service text not null check (record_service in ('labour', 'police')),
    confirmed_by uuid not null references users(id),
    confirmed_service text not null check (confirmed_service in ('labour', 'police')),
    method text not null check (method in ('own_account', 'password_on_device')),
    on_device_of uuid references users(id),
    confirmed_at timestamptz not null default now(),
    unique (inspection_id, inspection_version),
    check (record_service <> confirmed_service),
    check ((method = 'own_account') = (on_device_of is null))
  )`.execute(db)
  await sql`alter table inspections add column confirmed_version integer`.execute(db)
  // Kept pages (the dashboard's figures) end when a confirmation is made (migration 0006).
  await sql`
    create constraint trigger registry_changed
    after insert or update or delete on inspection_confirmations
    deferrable initially deferred
    for each row execute function bump_registry_version()`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table inspections drop column confirmed_version`.execute(db)
  await sql`drop table inspection_confirmations`.execute(db)
}
