import { type Kysely, sql } from 'kysely'

// Criminal cases (issue 20): a police case followed from referral to verdict. A new role, the
// prosecutor (the DPP's focal point for trafficking cases), records charges and verdicts; the
// users table's role check holds its own list (migrations 0001 and 0019), widened here.
const ROLES_BEFORE = [
  'admin',
  'licensing_officer',
  'inspector',
  'police_officer',
  'analyst',
  'licensing_manager',
]
const ROLES_AFTER = [...ROLES_BEFORE, 'prosecutor']
const list = (values: readonly string[]) => sql.join(values.map((v) => sql.lit(v)))

const STAGES = ['under_investigation', 'sent_to_dpp', 'charged', 'verdict', 'closed']
const OFFENCES = ['trafficking_labour', 'trafficking_other', 'fraud', 'unlicensed_recruitment', 'other']

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table users drop constraint users_role_check`.execute(db)
  await sql`alter table users add constraint users_role_check check (role in (${list(ROLES_AFTER)}))`.execute(
    db,
  )
  await sql`
    create table criminal_cases (
      id uuid primary key default gen_random_uuid(),
      -- The police case number: station, year and number, unique together ("Maseru Central CR 123/2026").
      station text not null,
      case_year integer not null check (case_year between 1990 and 2100),
      case_number integer not null check (case_number between 1 and 999999),
      district text not null,
      investigating_officer text not null,
      offences text[] not null check (cardinality(offences) > 0 and offences <@ array[${list(OFFENCES)}]::text[]),
      reported_on date not null,
      opened_on date not null check (opened_on >= reported_on),
      -- What it came from, when it came from the registry.
      complaint_id uuid references complaints,
      inspection_id uuid references inspections,
      stage text not null default 'under_investigation' check (stage in (${list(STAGES)})),
      stage_since date not null,
      court text,
      court_case_number text,
      charged_on date,
      closed_reason text,
      opened_by uuid references users,
      submission_key text not null unique,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      constraint criminal_cases_number_key unique (station, case_year, case_number),
      constraint criminal_cases_charged check ((stage in ('charged', 'verdict') or (stage = 'closed' and charged_on is not null)) = (charged_on is not null)),
      constraint criminal_cases_closed check ((stage = 'closed') = (closed_reason is not null))
    )`.execute(db)
  await sql`create index criminal_cases_stage_idx on criminal_cases (stage, stage_since)`.execute(db)
  await sql`create index criminal_cases_district_idx on criminal_cases (district, stage)`.execute(db)
  await sql`create index criminal_cases_complaint_idx on criminal_cases (complaint_id) where complaint_id is not null`.execute(
    db,
  )
  await sql`create index criminal_cases_inspection_idx on criminal_cases (inspection_id) where inspection_id is not null`.execute(
    db,
  )
  await sql`
    create table criminal_case_events (
      id bigserial primary key,
      case_id uuid not null references criminal_cases,
      action text not null,
      from_stage text,
      to_stage text not null,
      on_date date not null,
      reason text,
      actor_id uuid references users,
      actor_label text not null,
      at timestamptz not null default now()
    )`.execute(db)
  await sql`create index criminal_case_events_case_idx on criminal_case_events (case_id, id)`.execute(db)
  for (const table of ['criminal_cases', 'criminal_case_events'])
    await sql`
      create constraint trigger registry_changed
      after insert or update or delete on ${sql.table(table)}
      deferrable initially deferred
      for each row execute function bump_registry_version()`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table criminal_case_events`.execute(db)
  await sql`drop table criminal_cases`.execute(db)
  await sql`alter table users drop constraint users_role_check`.execute(db)
  await sql`alter table users add constraint users_role_check check (role in (${list(ROLES_BEFORE)}))`.execute(
    db,
  )
}
