import { type Kysely, sql } from 'kysely'

// The public lookup takes the first few dozen agencies whose name words begin as typed, then
// orders those. Two things made that slow at 100,000 agencies:
// - A common beginning ("recr", in 40,000 names) made the full-text index gather every match
//   before the first few dozen could be taken (4 ms for "recr" alone). agency_words holds each
//   word of each name beside its agency, in byte order, so the first few dozen names with a word
//   beginning "recr" are the next few dozen entries of one index (0.1 ms).
// - Asked for "the first 60" of a full-text query (the corrected words of a typo), PostgreSQL
//   may read the table in order, expecting to meet 60 matches early: for a rare word it read all
//   100,000 rows to find none (55 ms, against 0.8 ms through the index). agency_name_matches()
//   keeps that query on the index.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table agency_words (
      word text collate "C" not null,
      agency_id uuid not null references agencies on delete cascade,
      primary key (word, agency_id)
    )`.execute(db)
  await sql`create index agency_words_agency_idx on agency_words (agency_id, word)`.execute(db)
  await sql`
    create function agencies_index_words() returns trigger language plpgsql as $$
    begin
      delete from agency_words w
      where w.agency_id = new.id and w.word <> all (tsvector_to_array(new.search_words));
      insert into agency_words (word, agency_id)
      select unnest(tsvector_to_array(new.search_words)), new.id
      on conflict do nothing;
      return null;
    end
    $$`.execute(db)
  await sql`
    create trigger agencies_index_words after insert or update of legal_name, trading_names on agencies
    for each row execute function agencies_index_words()`.execute(db)
  await sql`
    insert into agency_words (word, agency_id)
    select distinct unnest(tsvector_to_array(search_words)), id from agencies`.execute(db)
  await sql`
    create function agency_name_matches(words tsquery, how_many integer) returns setof uuid
    language sql stable rows 60
    set enable_seqscan = off
    as $$ select id from agencies where search_words @@ words limit how_many $$`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop function agency_name_matches(tsquery, integer)`.execute(db)
  await sql`drop trigger agencies_index_words on agencies`.execute(db)
  await sql`drop function agencies_index_words()`.execute(db)
  await sql`drop table agency_words`.execute(db)
}
