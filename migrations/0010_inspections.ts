import { type Kysely, sql } from 'kysely'

// Joint inspections (DESIGN.md): one visit to one worksite by a team, recorded as a draft and
// then submitted, after which it is locked and corrected only by audited amendments that keep
// the original. What workers said they paid recruiters, and indicators linked to a recruiter,
// become internal findings on the agency until a licensing officer substantiates or dismisses
// them. No victim's name is stored anywhere: referrals are counts.
// Vocabularies are copied here on purpose: a migration never imports application code.

const inList = (values: string[]) => sql.join(values.map((v) => sql.lit(v)))
const INDICATORS = [
  'abuse_of_vulnerability',
  'deception',
  'restriction_of_movement',
  'isolation',
  'physical_and_sexual_violence',
  'intimidation_and_threats',
  'retention_of_identity_documents',
  'withholding_of_wages',
  'debt_bondage',
  'abusive_working_and_living_conditions',
  'excessive_overtime',
]
const TYPES = ['routine', 'complaint_led', 'follow_up', 'joint_operation']
const LABOUR_FINDINGS = [
  'no_written_contracts',
  'below_minimum_wage',
  'excessive_hours',
  'unsafe_conditions',
  'child_labour',
  'no_payslips',
  'other',
]
const OUTCOMES = ['no_issue', 'advice_given', 'compliance_order', 'criminal_investigation']
const OTHER_AGENCIES = ['immigration', 'social_welfare', 'other']
const DESTINATIONS = ['social_welfare', 'ngo_shelter', 'health_services', 'police_anti_trafficking_unit']
const CATEGORIES = [
  'recruitment_fee',
  'deception',
  'contract_substitution',
  'documents_retained',
  'unlicensed_recruitment',
  'wages_withheld',
  'other',
]
const count = (name: string) => sql`${sql.ref(name)} integer not null default 0 check (${sql.ref(name)} >= 0)`

export async function up(db: Kysely<any>): Promise<void> {
  // A worksite found to be another's duplicate points at the one kept; records sent offline
  // against the old one are then refused with the reason, never silently moved.
  await sql`alter table worksites add column merged_into_id uuid references worksites`.execute(db)

  await sql`
    create table inspections (
      id uuid primary key default gen_random_uuid(),
      -- Made on the device (or when the online form is opened): the same key twice is the same record.
      idempotency_key text not null unique,
      worksite_id uuid not null references worksites,
      status text not null default 'draft' check (status in ('draft', 'submitted')),
      visited_at timestamptz not null,
      type text not null check (type in (${inList(TYPES)})),
      complaint_references text[] not null default '{}',
      lead_inspector text not null,
      police_officers jsonb not null default '[]',
      other_agencies text[] not null default '{}' check (other_agencies <@ array[${inList(OTHER_AGENCIES)}]),
      other_agencies_detail text,
      ${count('workers_present')},
      ${count('workers_interviewed')},
      ${count('women')},
      ${count('men')},
      ${count('under_18')},
      ${count('foreign_nationals')},
      nationalities text[] not null default '{}',
      labour_findings text[] not null default '{}' check (labour_findings <@ array[${inList(LABOUR_FINDINGS)}]),
      labour_findings_detail text,
      outcome text check (outcome in (${inList(OUTCOMES)})),
      compliance_due_on date,
      police_case_number text,
      notes text,
      recorded_by uuid not null references users,
      submitted_at timestamptz,
      submitted_by uuid references users,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      constraint inspections_submitted_complete check (
        status = 'draft' or (outcome is not null and submitted_at is not null)),
      constraint inspections_order_due check (outcome is distinct from 'compliance_order' or status = 'draft'
        or compliance_due_on is not null),
      constraint inspections_case_number check (outcome is distinct from 'criminal_investigation'
        or status = 'draft' or police_case_number is not null)
    )`.execute(db)
  await sql`create index inspections_worksite_idx on inspections (worksite_id, visited_at desc)`.execute(db)
  await sql`create index inspections_visited_idx on inspections (visited_at) where status = 'submitted'`.execute(
    db,
  )

  await sql`
    create table inspection_indicators (
      inspection_id uuid not null references inspections on delete cascade,
      indicator text not null check (indicator in (${inList(INDICATORS)})),
      -- "Not observed" is the absence of a row.
      level text not null check (level in ('suspected', 'observed')),
      evidence text,
      primary key (inspection_id, indicator)
    )`.execute(db)

  await sql`
    create table inspection_recruiters (
      id bigserial primary key,
      inspection_id uuid not null references inspections on delete cascade,
      position integer not null,
      agency_id uuid references agencies,
      unlisted_name text,
      fee_amount_minor bigint check (fee_amount_minor >= 0),
      fee_currency text check (fee_currency in ('LSL', 'ZAR')),
      ${count('workers_paying')},
      indicators text[] not null default '{}' check (indicators <@ array[${inList(INDICATORS)}]),
      check (agency_id is not null or unlisted_name is not null),
      check ((fee_amount_minor is null) = (fee_currency is null))
    )`.execute(db)
  await sql`create index inspection_recruiters_inspection_idx on inspection_recruiters (inspection_id, position)`.execute(
    db,
  )
  await sql`create index inspection_recruiters_agency_idx on inspection_recruiters (agency_id)`.execute(db)

  await sql`
    create table inspection_referrals (
      inspection_id uuid not null references inspections on delete cascade,
      destination text not null check (destination in (${inList(DESTINATIONS)})),
      ${count('female_under_18')},
      ${count('female_adult')},
      ${count('male_under_18')},
      ${count('male_adult')},
      consent_recorded boolean not null default false,
      primary key (inspection_id, destination)
    )`.execute(db)

  await sql`
    create table inspection_follow_ups (
      id uuid primary key default gen_random_uuid(),
      inspection_id uuid not null references inspections on delete cascade,
      action text not null,
      due_on date not null,
      done_at timestamptz,
      done_by uuid references users
    )`.execute(db)
  await sql`create index inspection_follow_ups_due_idx on inspection_follow_ups (due_on) where done_at is null`.execute(
    db,
  )

  await sql`
    create table inspection_amendments (
      id uuid primary key default gen_random_uuid(),
      inspection_id uuid not null references inspections,
      reason text not null,
      before jsonb not null,
      after jsonb not null,
      amended_by uuid references users,
      amended_by_label text not null,
      amended_at timestamptz not null default now()
    )`.execute(db)

  await sql`
    create table inspection_findings (
      id uuid primary key default gen_random_uuid(),
      inspection_id uuid not null references inspections,
      agency_id uuid not null references agencies,
      categories text[] not null check (cardinality(categories) > 0 and categories <@ array[${inList(CATEGORIES)}]),
      indicators text[] not null default '{}',
      fee_reported boolean not null default false,
      status text not null default 'unreviewed' check (status in ('unreviewed', 'substantiated', 'dismissed')),
      proven_categories text[] not null default '{}',
      demerit_points integer not null default 0,
      reason text,
      decided_at timestamptz,
      decided_by uuid references users,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      unique (inspection_id, agency_id),
      check ((status = 'unreviewed') = (decided_at is null))
    )`.execute(db)
  await sql`create index inspection_findings_agency_idx on inspection_findings (agency_id, status, decided_at)`.execute(
    db,
  )

  // Kept pages (migration 0006): all of it is registry data.
  for (const table of [
    'inspections',
    'inspection_indicators',
    'inspection_recruiters',
    'inspection_referrals',
    'inspection_follow_ups',
    'inspection_amendments',
    'inspection_findings',
  ]) {
    await sql`
      create constraint trigger registry_changed
      after insert or update or delete on ${sql.table(table)}
      deferrable initially deferred
      for each row execute function bump_registry_version()`.execute(db)
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'inspection_findings',
    'inspection_amendments',
    'inspection_follow_ups',
    'inspection_referrals',
    'inspection_recruiters',
    'inspection_indicators',
    'inspections',
  ]) {
    await sql`drop table ${sql.table(table)}`.execute(db)
  }
  await sql`alter table worksites drop column merged_into_id`.execute(db)
}
