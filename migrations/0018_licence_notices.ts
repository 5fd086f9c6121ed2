import { type Kysely, sql } from 'kysely'

// Due process before a licence is suspended or revoked (issue: "Licence decisions with due
// process"): a notice of intended action with its grounds and the date by which the agency may
// answer, the representations it made (or that none came), then the officer's decision to
// proceed or to withdraw the notice. An immediate suspension, for urgent cases, is marked as
// pending investigation. What the public is told of a suspension or revocation is a reason
// category, never the officers' words; a condition is shown to the public only through the
// wording written for it.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table licence_notices (
      id uuid primary key default gen_random_uuid(),
      agency_id uuid not null references agencies,
      licence_id uuid not null references licences,
      action text not null check (action in ('suspend', 'revoke')),
      grounds text not null,
      -- The substantiated complaints and inspection findings the notice rests on.
      complaint_ids uuid[] not null default '{}',
      finding_ids uuid[] not null default '{}',
      public_reason text not null,
      -- For an intended suspension: until when, if the notice says.
      suspended_until date,
      respond_by date not null,
      status text not null default 'open' check (status in ('open', 'proceeded', 'withdrawn')),
      -- What the agency answered, and when; or that it answered nothing by the date.
      representations text,
      representations_on date,
      no_representations boolean not null default false,
      decision_reason text,
      given_by uuid references users,
      given_by_label text not null,
      decided_by uuid references users,
      decided_at timestamptz,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      constraint licence_notices_answer check (not (no_representations and representations is not null)),
      constraint licence_notices_decided check ((status = 'open') = (decided_at is null))
    )`.execute(db)
  // One open notice per licence at a time.
  await sql`create unique index licence_notices_open_idx on licence_notices (licence_id) where status = 'open'`.execute(
    db,
  )
  await sql`create index licence_notices_status_idx on licence_notices (status, respond_by)`.execute(db)

  await sql`alter table licences add column public_reason text`.execute(db)
  await sql`alter table licences add column pending_investigation boolean not null default false`.execute(db)
  await sql`alter table licence_events add column public_reason text`.execute(db)
  await sql`alter table licence_conditions add column public_wording text`.execute(db)

  await sql`
    create constraint trigger registry_changed
    after insert or update or delete on licence_notices
    deferrable initially deferred
    for each row execute function bump_registry_version()`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table licence_conditions drop column public_wording`.execute(db)
  await sql`alter table licence_events drop column public_reason`.execute(db)
  await sql`alter table licences drop column pending_investigation`.execute(db)
  await sql`alter table licences drop column public_reason`.execute(db)
  await sql`drop table licence_notices`.execute(db)
}
