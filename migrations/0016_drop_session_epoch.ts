import { type Kysely, sql } from 'kysely'
import { up as createSessionEpoch } from './0008_session_epoch.js'

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

/** Back to 0008's counter, so that migrating further down finds what 0008 made. */
export async function down(db: Kysely<any>): Promise<void> {
  await createSessionEpoch(db)
}
