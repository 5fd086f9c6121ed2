import { type Kysely, sql } from 'kysely'

// The suspects and potential victims of a criminal case (issue 20). Suspects are named, with
// what the UNODC questionnaire counts (role, sex, age group, nationality) and, for people, an ID
// or passport number when known; each gets the court's verdict. Victims are counts by group only:
// no table here holds a victim's name.
const list = (values: readonly string[]) => sql.join(values.map((v) => sql.lit(v)))
const KINDS = ['agency', 'agency_person', 'employer', 'unlisted_recruiter']
const LINKS = ['principal', 'director', 'staff']
const ROLES = ['recruiter', 'transporter', 'exploiter', 'organiser', 'other']
const SEXES = ['female', 'male', 'unknown']
const AGES = ['under_18', 'adult', 'unknown']
const VERDICTS = ['convicted', 'acquitted', 'withdrawn']
const FORMS = [
  'forced_labour',
  'domestic_servitude',
  'sexual_exploitation',
  'forced_criminality',
  'other',
  'not_known',
]

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table case_suspects (
      id uuid primary key default gen_random_uuid(),
      case_id uuid not null references criminal_cases,
      kind text not null check (kind in (${list(KINDS)})),
      agency_id uuid references agencies,
      agency_link text check (agency_link in (${list(LINKS)})),
      -- The principal or director of the register this person is, when their ID number matched.
      agency_person_id uuid references agency_people,
      name text not null,
      role text not null check (role in (${list(ROLES)})),
      sex text check (sex in (${list(SEXES)})),
      age_group text check (age_group in (${list(AGES)})),
      nationality text,
      id_number text,
      id_number_key text,
      verdict text check (verdict in (${list(VERDICTS)})),
      verdict_on date,
      prison_months integer check (prison_months between 0 and 1200),
      prison_suspended boolean,
      fine_minor integer check (fine_minor between 0 and 2000000000),
      overturned_on date,
      overturned_reason text,
      added_by uuid references users,
      submission_key text not null unique,
      created_at timestamptz not null default now(),
      constraint case_suspects_agency check ((kind in ('agency', 'agency_person')) = (agency_id is not null)),
      constraint case_suspects_link check ((kind = 'agency_person') = (agency_link is not null)),
      -- A person has a sex, an age group and a nationality (each may be 'not known'); a company none.
      constraint case_suspects_person check (
        (kind in ('agency_person', 'unlisted_recruiter')) = (sex is not null and age_group is not null and nationality is not null)
      ),
      constraint case_suspects_verdict check ((verdict is null) = (verdict_on is null)),
      constraint case_suspects_sentence check (verdict = 'convicted' or (prison_months is null and fine_minor is null)),
      constraint case_suspects_overturned check (overturned_on is null or verdict = 'convicted')
    )`.execute(db)
  await sql`create index case_suspects_case_idx on case_suspects (case_id, created_at)`.execute(db)
  await sql`create index case_suspects_agency_idx on case_suspects (agency_id) where agency_id is not null`.execute(
    db,
  )
  await sql`create index case_suspects_id_number_idx on case_suspects (id_number_key) where id_number_key is not null`.execute(
    db,
  )
  await sql`
    create table case_victims (
      id uuid primary key default gen_random_uuid(),
      case_id uuid not null references criminal_cases,
      sex text not null check (sex in (${list(SEXES)})),
      age_group text not null check (age_group in (${list(AGES)})),
      nationality text not null,
      exploitation text not null check (exploitation in (${list(FORMS)})),
      people integer not null check (people between 1 and 10000),
      referred_nrm integer not null check (referred_nrm between 0 and people),
      added_by uuid references users,
      submission_key text not null unique,
      created_at timestamptz not null default now()
    )`.execute(db)
  await sql`create index case_victims_case_idx on case_victims (case_id)`.execute(db)
  for (const table of ['case_suspects', 'case_victims'])
    await sql`
      create constraint trigger registry_changed
      after insert or update or delete on ${sql.table(table)}
      deferrable initially deferred
      for each row execute function bump_registry_version()`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table case_victims`.execute(db)
  await sql`drop table case_suspects`.execute(db)
}
