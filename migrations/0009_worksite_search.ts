import { type Kysely, sql } from 'kysely'

// The worksite register is searched by any part of a name, operator or village ("thetsane",
// "textiles"): a trigram index answers "contains" searches without reading every row.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create index worksites_search_idx on worksites
    using gin ((lower(name || ' ' || coalesce(operator, '') || ' ' || village)) gin_trgm_ops)`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index worksites_search_idx`.execute(db)
}
