import { type Kysely, sql } from 'kysely'

// The dashboard counts and the complaints export read a period of complaints by the date they
// were received: an index on it reads only that period.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index complaints_created_idx on complaints (created_at, id)`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index complaints_created_idx`.execute(db)
}
