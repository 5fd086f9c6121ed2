import { type Kysely, sql } from 'kysely'

// The photos a record was submitted with ([{ sha256, attached_to }]): each is sent on its own
// request after the record, so the record page can say which are still on the device.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table inspections add column expected_photos jsonb not null default '[]'`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table inspections drop column expected_photos`.execute(db)
}
