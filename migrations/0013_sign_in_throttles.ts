import { type Kysely, sql } from 'kysely'

// Sign-in throttles in PostgreSQL, so they hold across instances: failures counted per account
// typed from an address, per address, and per account from anywhere (src/auth/throttle.ts). An
// account is counted by the email typed, known or not, so the answer never tells which emails
// have accounts. They replace the lock kept on the users row, which locked the owner out too.
// Not registry data: no registry_changed trigger.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table sign_in_throttles (
      scope text not null check (scope in ('pair', 'address', 'account')),
      key text not null,
      failures integer not null default 0 check (failures >= 0),
      window_started_at timestamptz not null,
      blocked_until timestamptz,
      last_success_at timestamptz,
      primary key (scope, key)
    )`.execute(db)
  await sql`alter table users drop column failed_logins, drop column locked_until`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table users add column failed_logins integer not null default 0, add column locked_until timestamptz`.execute(
    db,
  )
  await sql`drop table sign_in_throttles`.execute(db)
}
