import { type Kysely, sql } from 'kysely'

// Job offers (DESIGN.md, "Job offers"): a licensed agency's vacancy, recorded by a licensing
// officer from the agency's submission, decided, and, once approved, given the public code a
// worker types to check that the job is real. The worker pays nothing: the table holds no way
// to say otherwise.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table job_offers (
      id uuid primary key default gen_random_uuid(),
      agency_id uuid not null references agencies,
      -- Eight digits with a check digit (src/job-offers/code.ts), given at approval.
      code text unique check (code ~ '^[0-9]{8}$'),
      status text not null default 'submitted'
        check (status in ('submitted', 'approved', 'refused', 'withdrawn')),
      employer_name text not null,
      employer_country text not null check (employer_country ~ '^[A-Z]{2}$'),
      employer_place text not null,
      position text not null,
      sector text not null,
      workers_wanted integer not null check (workers_wanted between 1 and 100000),
      wage_minor bigint not null check (wage_minor > 0),
      wage_currency text not null check (wage_currency in ('LSL', 'ZAR')),
      contract_months integer not null check (contract_months between 1 and 120),
      hours_per_week integer not null check (hours_per_week between 1 and 84),
      accommodation text not null,
      recruitment_costs_paid_by text not null check (recruitment_costs_paid_by in ('employer', 'agency')),
      travel_costs_paid_by text not null check (travel_costs_paid_by in ('employer', 'agency')),
      open_from date not null,
      open_until date not null,
      contract_reference text not null,
      -- The form's key: a second submit of one form records nothing more.
      submission_key text not null unique,
      recorded_by uuid references users,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      constraint job_offers_dates check (open_until >= open_from),
      constraint job_offers_code_when_approved check ((code is null) = (status in ('submitted', 'refused')))
    )`.execute(db)
  await sql`create index job_offers_agency_idx on job_offers (agency_id, status)`.execute(db)
  await sql`create index job_offers_status_idx on job_offers (status, created_at)`.execute(db)

  await sql`
    create table job_offer_events (
      id bigserial primary key,
      job_offer_id uuid not null references job_offers,
      event text not null,
      from_status text,
      to_status text,
      reason text,
      actor_id uuid references users,
      actor_label text not null,
      at timestamptz not null default now()
    )`.execute(db)
  await sql`create index job_offer_events_offer_idx on job_offer_events (job_offer_id, id)`.execute(db)

  // A report may name the code on the advert: kept as typed (a fake advert's code matches no
  // offer) and linked to the offer when it is one.
  await sql`alter table complaints add column job_offer_code text check (job_offer_code ~ '^[0-9]{8}$')`.execute(
    db,
  )
  await sql`alter table complaints add column job_offer_id uuid references job_offers`.execute(db)
  await sql`create index complaints_job_offer_idx on complaints (job_offer_id) where job_offer_id is not null`.execute(
    db,
  )

  // Kept public pages end when an offer changes (migration 0006).
  for (const table of ['job_offers', 'job_offer_events']) {
    await sql`
      create constraint trigger registry_changed
      after insert or update or delete on ${sql.table(table)}
      deferrable initially deferred
      for each row execute function bump_registry_version()`.execute(db)
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table complaints drop column job_offer_id`.execute(db)
  await sql`alter table complaints drop column job_offer_code`.execute(db)
  await sql`drop table job_offer_events`.execute(db)
  await sql`drop table job_offers`.execute(db)
}
