import { type Kysely, sql } from 'kysely'

// Company registration numbers are written many ways: "2013/ 000032", "2013-000032" and
// "2013000032" are one number. The key keeps only its letters and digits, upper case, so the
// registry finds an agency however its number is typed, and holds no number twice however it
// was written. (The same rule is src/agencies/registration-number.ts.)
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table agencies add column registration_key text
      generated always as (regexp_replace(upper(registration_number), '[^0-9A-Z]', '', 'g')) stored`.execute(
    db,
  )
  await sql`create unique index agencies_registration_key_idx on agencies (registration_key)`.execute(db)
  await sql`drop index agencies_registration_number_upper_idx`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`create index agencies_registration_number_upper_idx on agencies (upper(registration_number))`.execute(
    db,
  )
  await sql`alter table agencies drop column registration_key`.execute(db)
}
