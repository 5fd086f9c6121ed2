import { type Kysely, sql } from 'kysely'

// Worksites added twice (two inspectors adding the same farm offline) are merged: the duplicate
// keeps its row as a pointer to the survivor (merged_into_id, from migration 0010), with when,
// by whom and why. A trigram index on the name finds likely duplicates among a district's.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table worksites
    add column merged_at timestamptz,
    add column merged_by uuid references users(id),
    add column merge_reason text,
    add constraint worksites_merge_whole
      check ((merged_into_id is null) = (merged_at is null) and merged_into_id is distinct from id)`.execute(
    db,
  )
  await sql`create index worksites_name_trgm_idx on worksites using gin (lower(name) gin_trgm_ops)
    where merged_into_id is null`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index worksites_name_trgm_idx`.execute(db)
  await sql`alter table worksites drop constraint worksites_merge_whole,
    drop column merged_at, drop column merged_by, drop column merge_reason`.execute(db)
}
