import { type Kysely, sql } from 'kysely'

// The words that occur in agency names, each once, for correcting typos in a search: a typed
// word is compared by trigrams with a few thousand distinct words instead of with every name,
// then the corrected words are looked up in the full-text index (the pg_trgm documentation's
// own advice for spelling suggestions). Words are only ever added; one no longer in any name
// simply finds nothing.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('agency_name_words')
    .addColumn('word', 'text', (col) => col.primaryKey())
    .execute()
  await sql`create index agency_name_words_trgm_idx on agency_name_words using gin (word gin_trgm_ops)`.execute(
    db,
  )
  await sql`
    create function agencies_remember_name_words() returns trigger language plpgsql as $$
    begin
      insert into agency_name_words (word)
      select unnest(tsvector_to_array(new.search_words))
      on conflict do nothing;
      return null;
    end
    $$`.execute(db)
  await sql`
    create trigger agencies_remember_name_words after insert or update of legal_name, trading_names on agencies
    for each row execute function agencies_remember_name_words()`.execute(db)
  await sql`
    insert into agency_name_words (word)
    select distinct unnest(tsvector_to_array(search_words)) from agencies
    on conflict do nothing`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger agencies_remember_name_words on agencies`.execute(db)
  await sql`drop function agencies_remember_name_words()`.execute(db)
  await db.schema.dropTable('agency_name_words').execute()
}
