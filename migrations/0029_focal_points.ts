import { type Kysely, sql } from 'kysely'

// Focal points in the ten districts (issue 20): where a person reports trafficking or an
// illegal recruiter in person or by phone. Offices only: an office or service line and an
// address, never a person's own number (the form asks the administrator to confirm it).
const SERVICES = ['police', 'labour', 'social_welfare', 'shelter']

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table focal_points (
      id uuid primary key default gen_random_uuid(),
      district text not null,
      service text not null check (service in (${sql.join(SERVICES.map((s) => sql.lit(s)))})),
      office text not null,
      phone text not null,
      address text not null,
      hours text,
      version integer not null default 1,
      updated_by uuid references users,
      updated_at timestamptz not null default now(),
      constraint focal_points_district_service_key unique (district, service)
    )`.execute(db)
  await sql`
    create constraint trigger registry_changed
    after insert or update or delete on focal_points
    deferrable initially deferred
    for each row execute function bump_registry_version()`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table focal_points`.execute(db)
}
