import { type Kysely, sql } from 'kysely'

// What an inspection held when it was last saved, as a hash: a resend under the same key with
// other content (a device that kept a newer version while the first one's reply was lost) is
// then told so (409) instead of being answered as if it had been stored. Rows saved before
// have none, and are compared as before (a resend changes nothing).
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table inspections add column content_hash text`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table inspections drop column content_hash`.execute(db)
}
