import { type Kysely, sql } from 'kysely'

// A public report comes from the web form or from a USSD session on a feature phone; officers
// triage both the same way, and the channel says which it was.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table complaints add column channel text not null default 'web' check (channel in ('web', 'ussd'))`.execute(
    db,
  )
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table complaints drop column channel`.execute(db)
}
