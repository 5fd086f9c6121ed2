import { sql } from 'kysely'
import { isDistinctive } from '../agencies/name-words.js'
import { searchWords } from '../agencies/queries.js'
import { flagsForAgencies } from '../complaints/flags.js'
import { type PublicWarning, publicWarnings } from '../complaints/rules.js'
import type { Database } from '../db/database.js'
import type { PublicStanding } from '../i18n/messages.js'
import { licenceNumberIn } from '../licence-number.js'
import { type LicenceStatus, standing } from '../licensing/lifecycle.js'
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
}

export const LOOKUP_LIMIT = 10

/** The public columns of agencies with their licence; standing is derived from them. */
function publicColumns(db: Database) {
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
    ])
}

type PublicRow = Awaited<ReturnType<ReturnType<typeof publicColumns>['execute']>>[number]

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
  }
}

/** The public agencies of these rows, with the warnings their findings raise. */
async function withWarnings(db: Database, rows: PublicRow[], today: string): Promise<PublicAgency[]> {
  const flags = await flagsForAgencies(
    db,
    rows.map((r) => r.id),
    today,
  )
  return rows.map((r) => {
    const f = flags.get(r.id)
    return toPublic(r, today, f ? publicWarnings(f) : [])
  })
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

// How close a typed word must be to a word of a name: "malti" -> "maluti" scores 0.67,
// "recrut" -> "recruitment" 0.71; unrelated words stay under 0.4.
const WORD_SIMILARITY_THRESHOLD = 0.5
// Corrections within this much of the best one are also tried ("thaba" may be "thabana").
const CORRECTION_MARGIN = 0.1

const quoteLexeme = (word: string) => `'${word.replaceAll("'", "''")}'`

/**
 * For each typed word, the distinctive words of agency names it may be a misspelling of, as a
 * full-text query: "malti careres" -> "('maluti')". Words every name has ("jobs", "careers",
 * "recruitment") are left out, so a look-alike always shares a word that tells names apart.
 * Null when some distinctive word resembles none, or none is left.
 */
async function correctedQuery(db: Database, typedWords: string[]): Promise<string | null> {
  const words = typedWords.filter(isDistinctive)
  if (words.length === 0) return null
  const long = words.filter((w) => w.length >= 3)
  // `%` (similarity at pg_trgm's default threshold, 0.3) lets the trigram index find the
  // candidates without a transaction to change thresholds; word similarity then decides.
  const rows =
    long.length === 0
      ? []
      : (
          await sql<{ typed: string; word: string; score: number }>`
            select typed, candidate.word, candidate.score
            from unnest(${long}::text[]) as typed
            cross join lateral (
              select word, word_similarity(typed, word)::float8 as score
              from agency_name_words
              where typed % word and word_similarity(typed, word) >= ${WORD_SIMILARITY_THRESHOLD}
              order by score desc, word
              limit 6
            ) as candidate`.execute(db)
        ).rows
  const parts: string[] = []
  for (const typed of words) {
    // Too short to compare by trigrams: taken as the start of a word.
    if (typed.length < 3) {
      parts.push(`${quoteLexeme(typed)}:*`)
      continue
    }
    const candidates = rows.filter((r) => r.typed === typed && isDistinctive(r.word))
    if (candidates.length === 0) return null
    const best = Math.max(...candidates.map((r) => r.score))
    const close = candidates
      .filter((r) => r.score >= best - CORRECTION_MARGIN)
      .map((r) => quoteLexeme(r.word))
    parts.push(`(${close.join(' | ')})`)
  }
  return parts.join(' & ')
}

/** Agencies whose name words match a full-text query, the closest to what was typed first. */
function bestMatches(db: Database, tsquery: string, folded: string) {
  return (
    publicColumns(db)
      .where('agencies.id', 'in', (eb) =>
        eb
          .selectFrom('agencies as candidate')
          .select('candidate.id')
          .where(sql<boolean>`candidate.search_words @@ to_tsquery('simple', ${tsquery})`)
          .limit(CANDIDATES),
      )
      // A match in the legal name before one only in a trading name.
      .orderBy(
        sql`word_similarity(${folded}, lower(agencies.legal_name)) desc,
        word_similarity(${folded}, agencies.search_text) desc, lower(agencies.legal_name), agencies.id`,
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
    results: await withWarnings(db, rows.slice(0, LOOKUP_LIMIT), today),
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
  const asTyped = await bestMatches(db, words.map((w) => `${quoteLexeme(w)}:*`).join(' & '), folded)
  if (asTyped.length > 0 || folded.length < 3) return shape(asTyped, false)
  const corrected = await correctedQuery(db, words)
  return shape(corrected ? await bestMatches(db, corrected, folded) : [], true)
}

/** One licence by its number, for /verify and the API. */
export async function findPublicLicence(
  db: Database,
  licenceNumber: string,
  today: string,
): Promise<PublicAgency | null> {
  const row = await publicColumns(db).where('licences.licence_number', '=', licenceNumber).executeTakeFirst()
  return row ? ((await withWarnings(db, [row], today))[0] ?? null) : null
}

/**
 * The whole public register in name order, a batch at a time, so that an export of 100,000
 * agencies never sits in memory at once.
 */
export async function* publicRegister(db: Database, today: string, batchSize = 1000) {
  let after: { name: string; id: string } | null = null
  for (;;) {
    const rows: (PublicRow & { name_key: string })[] = await publicColumns(db)
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
    yield await withWarnings(db, rows, today)
    const last = rows[rows.length - 1]!
    // The database's own lower(), so the next batch starts exactly where this one ended.
    after = { name: last.name_key, id: last.id }
    if (rows.length < batchSize) return
  }
}
