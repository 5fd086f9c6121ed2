import { type Kysely, sql } from 'kysely'

// A counter that moves whenever a signed-in session may have ended or lost rights: a session
// deleted (sign-out, expiry, sign-out everywhere) or cut short, or an account changed
// (deactivated, role changed, password reset). An instance may then reuse a session it checked
// moments ago while the counter stands still (src/auth/session-cache.ts), and must look again
// the moment it moves. Like registry_version, the triggers are deferred to commit and move it
// once per transaction, so it becomes visible together with the change and cannot deadlock.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table session_epoch (
      only_row boolean primary key default true check (only_row),
      epoch bigint not null default 0,
      last_transaction xid8
    )`.execute(db)
  await sql`insert into session_epoch default values`.execute(db)
  await sql`
    create function bump_session_epoch() returns trigger language plpgsql as $$
    begin
      update session_epoch
      set epoch = epoch + 1, last_transaction = pg_current_xact_id()
      where last_transaction is distinct from pg_current_xact_id();
      return null;
    end
    $$`.execute(db)
  await sql`
    create constraint trigger session_ended after delete on sessions
    deferrable initially deferred
    for each row execute function bump_session_epoch()`.execute(db)
  // Touching last_seen_at (once a minute) extends a session: no need to look again for that.
  await sql`
    create constraint trigger session_shortened after update on sessions
    deferrable initially deferred
    for each row
    when (new.expires_at < old.expires_at or new.last_seen_at < old.last_seen_at
      or new.user_id <> old.user_id or new.token_hash <> old.token_hash)
    execute function bump_session_epoch()`.execute(db)
  await sql`
    create constraint trigger account_changed after update or delete on users
    deferrable initially deferred
    for each row execute function bump_session_epoch()`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger account_changed on users`.execute(db)
  await sql`drop trigger session_shortened on sessions`.execute(db)
  await sql`drop trigger session_ended on sessions`.execute(db)
  await sql`drop function bump_session_epoch()`.execute(db)
  await sql`drop table session_epoch`.execute(db)
}
