import { type Kysely, sql } from 'kysely'

// The session cache is gone (each signed-in request reads its session row, as most web apps
// do), so the counter that told instances to look again goes with it: sign-outs, session
// touches and account changes no longer update one shared row at commit.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`drop trigger account_changed on users`.execute(db)
  await sql`drop trigger session_shortened on sessions`.execute(db)
  await sql`drop trigger session_ended on sessions`.execute(db)
  await sql`drop function bump_session_epoch()`.execute(db)
  await sql`drop table session_epoch`.execute(db)
}

export async function down(): Promise<void> {
  // Migration 0008 made it; bringing the cache back would bring it back.
}
