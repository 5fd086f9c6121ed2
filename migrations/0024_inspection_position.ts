import { type Kysely, sql } from 'kysely'

// Where an inspection was recorded: from the phone with its accuracy in metres, or typed (no
// accuracy). A fix worse than 100 m is kept and shown as rough (src/geo.ts).
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table inspections
    add column recorded_latitude double precision,
    add column recorded_longitude double precision,
    add column recorded_accuracy_m integer check (recorded_accuracy_m between 0 and 100000),
    add constraint inspections_position_whole
      check ((recorded_latitude is null) = (recorded_longitude is null)
        and (recorded_accuracy_m is null or recorded_latitude is not null))`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table inspections drop constraint inspections_position_whole,
    drop column recorded_latitude, drop column recorded_longitude, drop column recorded_accuracy_m`.execute(
    db,
  )
}
