import { sql } from 'kysely'
import { correctedQuery } from '../agencies/name-search.js'
import { searchWords } from '../agencies/queries.js'
import { flagFacts, flagsFrom } from '../complaints/flags.js'
import { type PublicWarning, publicWarnings } from '../complaints/rules.js'
import type { Database } from '../db/database.js'
import type { PublicStanding } from '../i18n/messages.js'
import { licenceNumberIn } from '../licence-number.js'
import { type LicenceStatus, type PublicReason, standing } from '../licensing/lifecycle.js'
import { addDays, lesothoDateOf } from '../time.js'
import type { District, Sector } from '../vocabulary.js'

// What the public may know about an agency: names, licence, status, district and sectors.
// Nothing else leaves the database through these queries: no people, ID numbers, notes,
// addresses, contact details or officers' names.

export interface PublicAgency {
  name: string
  trading_names: string[]
  licence_number: string | null
  standing: PublicStanding
  issued_on: string | null
  expires_on: string | null
  suspended_until: string | null
  /** The day a licence not in force stopped being in force (suspended, revoked, surrendered, expired). */
  status_since: string | null
  district: District
  sectors: Sector[]
  /** Substantiated fee or fraud findings, and "under watch" (complaints and flags). */
  warnings: PublicWarning[]
  /** Approved job offers open today, while the licence is in force (first to close first). */
  open_offers: { code: string; position: string }[]
  /** Why a licence is suspended or revoked, as a category the public may read. */
  public_reason: PublicReason | null
  /** Suspended at once, before a notice, for an urgent case. */
  pending_investigation: boolean
  /** Conditions in force, in the wording the officer wrote for the public (others are not shown). */
  public_conditions: string[]
  /**
   * The day the agency itself (never a person of it) was last convicted of a recruitment offence,
   * while that conviction stands: one overturned on appeal is gone at once.
   */
  convicted_on: string | null
}

export const LOOKUP_LIMIT = 10

/**
 * The public columns of agencies with their licence; standing is derived from them. A page that
 * needs another record with its agency (a job offer's) joins it here, to ask in one round trip.
 */
export function publicColumns(db: Database, today: string) {
  return db
    .selectFrom('agencies')
    .leftJoin('licences', 'licences.agency_id', 'agencies.id')
    .select((eb) => [
      'agencies.id',
      'agencies.legal_name',
      'agencies.trading_names',
      'agencies.district',
      'agencies.sectors',
      'licences.licence_number',
      'licences.status',
      'licences.issued_on',
      'licences.expires_on',
      'licences.suspended_until',
      'licences.public_reason',
      'licences.pending_investigation',
      sql<
        string[]
      >`coalesce((select array_agg(lc.public_wording order by lc.due_on) from licence_conditions lc
        where lc.licence_id = licences.id and lc.met_on is null and lc.public_wording is not null), '{}')`.as(
        'public_conditions',
      ),
      // When a licence was suspended, revoked or surrendered: the day of the event that did it.
      sql<string | null>`case when licences.status in ('suspended', 'revoked', 'surrendered') then (
          select ${lesothoDateOf('e.at')}::text from licence_events e
          where e.agency_id = agencies.id and e.licence_id = licences.id and e.to_status = licences.status
          order by e.id desc limit 1) end`.as('status_changed_on'),
      eb
        .exists(
          eb
            .selectFrom('licence_applications')
            .select(sql`1`.as('one'))
            .whereRef('licence_applications.agency_id', '=', 'agencies.id')
            .where('licence_applications.status', '=', 'submitted'),
        )
        .as('has_pending_application'),
      // The findings and clearances the warnings come from, in this same query.
      flagFacts('agencies.id').as('flag_facts'),
      sql<string | null>`(select max(s.verdict_on)::text from case_suspects s
        where s.agency_id = agencies.id and s.kind = 'agency' and s.verdict = 'convicted'
          and s.overturned_on is null)`.as('convicted_on'),
      sql<{ code: string; position: string }[]>`(
        select coalesce(json_agg(json_build_object('code', o.code, 'position', o.position)
          order by o.open_until, o.code), '[]'::json)
        from job_offers o
        where o.agency_id = agencies.id and o.status = 'approved'
          and o.open_from <= ${today}::date and o.open_until >= ${today}::date)`.as('open_offers'),
    ])
}

type PublicRow = Awaited<ReturnType<ReturnType<typeof publicColumns>['execute']>>[number]

/** The agency as the public sees it, from a row of publicColumns. */
export function publicAgencyOf(row: PublicRow, today: string): PublicAgency {
  return toPublic(row, today, publicWarnings(flagsFrom(row.flag_facts, today)))
}

function toPublic(row: PublicRow, today: string, warnings: PublicWarning[] = []): PublicAgency {
  const licence =
    row.status && row.expires_on ? { status: row.status as LicenceStatus, expires_on: row.expires_on } : null
  const current = standing(licence, Boolean(row.has_pending_application), today)
  return {
    name: row.legal_name,
    trading_names: row.trading_names,
    licence_number: row.licence_number,
    standing: current,
    issued_on: row.issued_on,
    expires_on: row.expires_on,
    suspended_until: row.status === 'suspended' ? row.suspended_until : null,
    status_since:
      current === 'expired' && row.expires_on ? addDays(row.expires_on, 1) : (row.status_changed_on ?? null),
    district: row.district,
    sectors: row.sectors,
    warnings,
    open_offers: current === 'licensed' ? row.open_offers : [],
    public_reason: current === 'suspended' || current === 'revoked' ? (row.public_reason ?? null) : null,
    pending_investigation: current === 'suspended' && row.pending_investigation === true,
    public_conditions: current === 'licensed' || current === 'suspended' ? row.public_conditions : [],
    convicted_on: row.convicted_on,
  }
}

/** The public agencies of these rows, with the warnings their findings raise. */
function withWarnings(rows: PublicRow[], today: string): PublicAgency[] {
  return rows.map((r) => publicAgencyOf(r, today))
}

export interface LookupResult {
  results: PublicAgency[]
  /** Nothing matched as typed; these names only resemble it. */
  similar: boolean
  /** More matched than are shown. */
  more: boolean
}

// A common word ("maluti") can match thousands of names. The best are chosen among the first
// few dozen the full-text index gives, so a lookup costs the same whatever was typed; "more"
// then asks the person to type more of the name.
const CANDIDATES = 60

/**
 * Up to CANDIDATES agencies with, for each word typed, a word of the name beginning with it
 * ("thaba recr"), read from agency_words (migration 0030 says why). Of several words typed, the
 * one beginning the fewest name words leads; each agency it finds is kept if its name has the
 * others too. The words are spelt out in the statement rather than passed as one array, so that
 * PostgreSQL knows how many there are and plans the statement once, not at every lookup (planning
 * it cost 1.9 ms, more than running it).
 */
function namesWithWordsBeginning(words: string[]) {
  // U+10FFFF sorts after every character: "recr" <= word < "recr\u{10FFFF}" is "begins with recr".
  const range = (lo: string) => [lo, `${lo}\u{10FFFF}`] as const
  if (words.length === 1) {
    const [lo, hi] = range(words[0]!)
    return sql<string>`(select agency_id from agency_words where word >= ${lo} and word < ${hi}
      limit ${sql.lit(CANDIDATES)})`
  }
  const typed = sql.join(words.map((w) => sql`(${sql.join(range(w))})`))
  return sql<string>`(
    with typed (lo, hi) as (values ${typed}),
    first_word as (
      select lo, hi from typed
      order by (select count(*) from (select from agency_words w
        where w.word >= typed.lo and w.word < typed.hi limit 1000) as n), length(lo) desc
      limit 1)
    select w.agency_id from first_word join agency_words w on w.word >= first_word.lo and w.word < first_word.hi
    where not exists (select from typed where typed.lo <> first_word.lo and not exists (
      select from agency_words other
      where other.agency_id = w.agency_id and other.word >= typed.lo and other.word < typed.hi))
    limit ${sql.lit(CANDIDATES)})`
}

/** Agencies whose name words match a full-text query (the corrected words of a typo). */
function namesMatching(tsquery: string) {
  return sql<string>`(select agency_name_matches(to_tsquery('simple', ${tsquery}), ${sql.lit(CANDIDATES)}))`
}

/** The candidates, the closest to what was typed first. */
function bestMatches(
  db: Database,
  candidates: ReturnType<typeof namesMatching>,
  folded: string,
  today: string,
) {
  return (
    publicColumns(db, today)
      .where('agencies.id', 'in', candidates)
      // A match in the legal name before one only in a trading name; of names alike, one whose
      // licence is in force first, so a pending or revoked namesake never hides it.
      .orderBy(
        sql`word_similarity(${folded}, lower(agencies.legal_name)) desc,
        word_similarity(${folded}, agencies.search_text) desc,
        coalesce(licences.status = 'active' and licences.expires_on >= ${today}::date, false) desc,
        lower(agencies.legal_name), agencies.id`,
      )
      .limit(LOOKUP_LIMIT + 1)
      .execute()
  )
}

/**
 * The public search, best first: an exact licence number; else names with words starting as
 * typed ("malut", "thaba recr"); else, for typos, names whose words resemble the words typed
 * (pg_trgm word similarity against the words of all names, then the full-text index).
 */
export async function lookupAgencies(db: Database, q: string, today: string): Promise<LookupResult> {
  const shape = async (rows: PublicRow[], similar: boolean): Promise<LookupResult> => ({
    results: withWarnings(rows.slice(0, LOOKUP_LIMIT), today),
    similar,
    more: rows.length > LOOKUP_LIMIT,
  })
  const number = licenceNumberIn(q)
  if (number) {
    const licensed = await findPublicLicence(db, number, today)
    return { results: licensed ? [licensed] : [], similar: false, more: false }
  }
  const words = searchWords(q)
  if (words.length === 0) return shape([], false)
  const folded = words.join(' ')
  const asTyped = await bestMatches(db, namesWithWordsBeginning(words), folded, today)
  if (asTyped.length > 0 || folded.length < 3) return shape(asTyped, false)
  const corrected = await correctedQuery(db, words, { distinctiveOnly: true })
  return shape(corrected ? await bestMatches(db, namesMatching(corrected), folded, today) : [], true)
}

/** One licence by its number, for /verify and the API. */
export async function findPublicLicence(
  db: Database,
  licenceNumber: string,
  today: string,
): Promise<PublicAgency | null> {
  const row = await publicColumns(db, today)
    .where('licences.licence_number', '=', licenceNumber)
    .executeTakeFirst()
  return row ? (withWarnings([row], today)[0] ?? null) : null
}

/**
 * The whole public register in name order, a batch at a time, so that an export of 100,000
 * agencies never sits in memory at once.
 */
export async function* publicRegister(db: Database, today: string, batchSize = 1000) {
  let after: { name: string; id: string } | null = null
  for (;;) {
    const rows: (PublicRow & { name_key: string })[] = await publicColumns(db, today)
      .select(sql<string>`lower(agencies.legal_name)`.as('name_key'))
      .$if(after !== null, (qb) =>
        qb.where(
          sql<boolean>`(lower(agencies.legal_name), agencies.id) > (${after!.name}, ${after!.id}::uuid)`,
        ),
      )
      .orderBy(sql`lower(agencies.legal_name)`)
      .orderBy('agencies.id')
      .limit(batchSize)
      .execute()
    if (rows.length === 0) return
    yield withWarnings(rows, today)
    const last = rows[rows.length - 1]!
    // The database's own lower(), so the next batch starts exactly where this one ended.
    after = { name: last.name_key, id: last.id }
    if (rows.length < batchSize) return
  }
}
