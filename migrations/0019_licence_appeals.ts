import { type Kysely, sql } from 'kysely'

// Appeals against a refusal, suspension or revocation, decided by a licensing manager (a new
// role: not the officer who decided, and not the system administrator, so duties stay apart).
// The users table's role check holds its own list (migration 0001), widened here.
const ROLES_BEFORE = ['admin', 'licensing_officer', 'inspector', 'police_officer', 'analyst']
const ROLES_AFTER = [...ROLES_BEFORE, 'licensing_manager']
const roleCheck = (roles: string[]) => sql.join(roles.map((r) => sql.lit(r)))

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table users drop constraint users_role_check`.execute(db)
  await sql`alter table users add constraint users_role_check check (role in (${roleCheck(ROLES_AFTER)}))`.execute(
    db,
  )
  await sql`
    create table licence_appeals (
      id uuid primary key default gen_random_uuid(),
      agency_id uuid not null references agencies,
      against text not null check (against in ('refusal', 'suspension', 'revocation')),
      -- The decision appealed: the refused application, or the licence event that suspended or revoked.
      application_id uuid references licence_applications,
      licence_event_id bigint references licence_events,
      -- Who took that decision: the appeal may not be decided by them.
      decided_by_officer uuid references users,
      decided_on date not null,
      lodged_on date not null,
      grounds text not null,
      status text not null default 'lodged' check (status in ('lodged', 'upheld', 'overturned')),
      decision_reason text,
      decided_by uuid references users,
      decided_at timestamptz,
      recorded_by uuid references users,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      constraint licence_appeals_decision check ((application_id is null) <> (licence_event_id is null)),
      constraint licence_appeals_decided check ((status = 'lodged') = (decided_at is null))
    )`.execute(db)
  // One appeal per decision.
  await sql`create unique index licence_appeals_application_idx on licence_appeals (application_id) where application_id is not null`.execute(
    db,
  )
  await sql`create unique index licence_appeals_event_idx on licence_appeals (licence_event_id) where licence_event_id is not null`.execute(
    db,
  )
  await sql`create index licence_appeals_status_idx on licence_appeals (status, lodged_on)`.execute(db)
  await sql`
    create constraint trigger registry_changed
    after insert or update or delete on licence_appeals
    deferrable initially deferred
    for each row execute function bump_registry_version()`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table licence_appeals`.execute(db)
  await sql`alter table users drop constraint users_role_check`.execute(db)
  await sql`alter table users add constraint users_role_check check (role in (${roleCheck(ROLES_BEFORE)}))`.execute(
    db,
  )
}
