import { sql } from 'kysely'
import { jsonArrayFrom, jsonObjectFrom } from 'kysely/helpers/postgres'
import { caseNumberText } from '../cases/case-number.js'
import { demeritWindowStart } from '../complaints/rules.js'
import type { Database } from '../db/database.js'
import { offsetOf } from '../http/pagination.js'
import { licenceNumberIn } from '../licence-number.js'
import { barredUntil } from '../licensing/lifecycle.js'
import { lesothoDateOf } from '../time.js'
import { correctedQuery } from './name-search.js'
import { registrationKey } from './registration-number.js'
import { nameCore, nameResemblance, RESEMBLANCE_THRESHOLD } from './resemblance.js'
import { type AgencyFilters, type AgencyInput, idNumberKey } from './schemas.js'

export const AGENCIES_PER_PAGE = 25

// Counting every match of a short fragment over 100,000 agencies costs more than the page
// itself; beyond this many the list says "more than".
export const COUNT_CAP = 1000

/** Lower case without accents, as the database keeps search_text ("Tšepo" -> "tsepo"). */
export function foldAccents(text: string): string {
  return text.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '')
}

/**
 * "thaba recr" -> "thaba:* & recr:*": every word typed must begin a word of the name. Only
 * letters and digits pass, so nothing typed can change the query's syntax.
 */
export function wordPrefixQuery(q: string): string | null {
  const words = searchWords(q)
  return words.length > 0 ? words.map((w) => `${w}:*`).join(' & ') : null
}

/** The words of a search, folded as names are ("Tšepo Recruit" -> ["tsepo", "recruit"]). */
export function searchWords(q: string): string[] {
  const words = foldAccents(q).match(/[\p{L}\p{N}]+/gu) ?? []
  // "Khaketla and Sons" finds "Khaketla & Sons": "&" is hard to type on a keypad, and is no word.
  const kept = words.filter((w) => !/^(and|le)$/i.test(w))
  return kept.length > 0 ? kept : words
}

/** Every agency; the words as typed (or a number); or names whose words the typed ones resemble. */
type Match = { kind: 'all' } | { kind: 'contains' } | { kind: 'resembles'; tsquery: string }

/**
 * The staff agency list: search, filters, sort and one page of rows with their licence.
 * A search first looks for the words as typed (the start of words of a name, or a
 * registration or licence number); only when that finds nothing does it look for names that
 * merely resemble them (typos), best match first.
 */
export async function listAgencies(db: Database, filters: AgencyFilters, today: string) {
  const q = filters.q?.trim()
  if (!q) return { ...(await pageOfAgencies(db, filters, today, { kind: 'all' })), resembling: false }
  const found = await pageOfAgencies(db, filters, today, { kind: 'contains' })
  if (found.total > 0 || q.length < 3) return { ...found, resembling: false }
  // Staff may look for a common word misspelt ("recrutment"), so every word is corrected.
  const tsquery = await correctedQuery(db, searchWords(q), { distinctiveOnly: false })
  if (!tsquery) return { rows: [], total: 0, resembling: true }
  return { ...(await pageOfAgencies(db, filters, today, { kind: 'resembles', tsquery })), resembling: true }
}

/** The agencies that match, with only the joins the filters need (so counting stays cheap). */
function matching(db: Database, filters: AgencyFilters, today: string, match: Match) {
  const q = foldAccents(filters.q?.trim() ?? '')
  const needsLicence = Boolean(filters.standing) || filters.sort === 'expiry' || q.startsWith('lra-')
  const needsPending = filters.standing === 'pending' || filters.standing === 'not_licensed'
  let base = db
    .selectFrom('agencies')
    .$if(needsLicence, (qb) => qb.leftJoin('licences', 'licences.agency_id', 'agencies.id'))
    .$if(needsPending, (qb) =>
      qb.leftJoin('licence_applications as pending', (join) =>
        join.onRef('pending.agency_id', '=', 'agencies.id').on('pending.status', '=', 'submitted'),
      ),
    ) as unknown as ReturnType<typeof withAllJoins>
  if (match.kind === 'contains') {
    const words = wordPrefixQuery(q)
    base = base.where((eb) =>
      eb.or([
        ...(words ? [eb(sql`agencies.search_words`, '@@', sql`to_tsquery('simple', ${words})`)] : []),
        ...(registrationKey(q) ? [eb('agencies.registration_key', '=', registrationKey(q))] : []),
        ...(q.startsWith('lra-') ? [eb('licences.licence_number', 'like', `${q.toUpperCase()}%`)] : []),
      ]),
    )
  } else if (match.kind === 'resembles') {
    base = base.where(sql<boolean>`agencies.search_words @@ to_tsquery('simple', ${match.tsquery})`)
  }
  if (filters.district) base = base.where('agencies.district', '=', filters.district)
  if (filters.sector) base = base.where(sql<boolean>`${filters.sector} = any(agencies.sectors)`)
  switch (filters.standing) {
    case 'licensed':
      base = base.where('licences.status', '=', 'active').where('licences.expires_on', '>=', today)
      break
    case 'expired':
      base = base.where('licences.status', '=', 'active').where('licences.expires_on', '<', today)
      break
    case 'suspended':
    case 'revoked':
    case 'surrendered':
      base = base.where('licences.status', '=', filters.standing)
      break
    case 'pending':
      base = base.where('licences.id', 'is', null).where('pending.id', 'is not', null)
      break
    case 'not_licensed':
      base = base.where('licences.id', 'is', null).where('pending.id', 'is', null)
      break
  }
  return base
}

// The type of the query with every join, for the conditional joins above.
const withAllJoins = (db: Database) =>
  db
    .selectFrom('agencies')
    .leftJoin('licences', 'licences.agency_id', 'agencies.id')
    .leftJoin('licence_applications as pending', (join) =>
      join.onRef('pending.agency_id', '=', 'agencies.id').on('pending.status', '=', 'submitted'),
    )

async function pageOfAgencies(db: Database, filters: AgencyFilters, today: string, match: Match) {
  const q = foldAccents(filters.q?.trim() ?? '')
  const base = matching(db, filters, today, match)
  // Counted first, cheap without the display joins (and capped: the list says "more than").
  const counted = await db
    .selectFrom(
      base
        .select('agencies.id')
        .limit(COUNT_CAP + 1)
        .as('matches'),
    )
    .select(sql<number>`count(*)::int`.as('n'))
    .executeTakeFirstOrThrow()
  if (counted.n === 0) return { rows: [], total: 0 }
  // A search's matches are sorted, never found by walking the name index: people type the first
  // word of a name, so matches cluster under one letter and a walk can read most of the index
  // before it finds 25 (118 ms for "sekhonyana" at 100,000 agencies; sorting its 1,959 matches:
  // 6 ms; the commonest word, 22,000 matches: 36 ms). The whole list (filters only) is walked.
  const nameKey =
    match.kind === 'all' ? sql`lower(agencies.legal_name)` : sql`lower(agencies.legal_name) || ''`
  const sort = filters.sort ?? (match.kind === 'resembles' ? 'relevance' : 'name')
  let ids = base.select('agencies.id')
  // Closest names first, where there are few enough to compare each with what was typed.
  if (sort === 'relevance' && match.kind === 'resembles' && counted.n <= COUNT_CAP)
    ids = ids.orderBy(sql`word_similarity(${q}, agencies.search_text)`, 'desc')
  else if (sort === 'district') ids = ids.orderBy('agencies.district')
  else if (sort === 'expiry') ids = ids.orderBy('licences.expires_on', (ob) => ob.asc().nullsLast())
  else if (sort === 'newest') ids = ids.orderBy('agencies.created_at', 'desc')
  else if (sort === 'points') ids = ids.orderBy(demeritPoints(today), 'desc')
  ids = ids
    .orderBy(nameKey)
    .orderBy('agencies.id')
    .limit(AGENCIES_PER_PAGE)
    .offset(offsetOf(filters.page, AGENCIES_PER_PAGE))
  const page = (await ids.execute()).map((r) => r.id)
  if (page.length === 0) return { rows: [], total: counted.n }
  const found = await withAllJoins(db)
    .select((eb) => [
      'agencies.id',
      'agencies.legal_name',
      'agencies.trading_names',
      'agencies.registration_number',
      'agencies.district',
      'agencies.sectors',
      'licences.licence_number',
      'licences.status as licence_status',
      'licences.expires_on',
      sql<boolean>`${eb.ref('pending.id')} is not null`.as('has_pending_application'),
    ])
    .where('agencies.id', 'in', page)
    .execute()
  const byId = new Map(found.map((r) => [r.id, r]))
  return { rows: page.map((id) => byId.get(id)!), total: counted.n }
}
export type AgencyRow = Awaited<ReturnType<typeof listAgencies>>['rows'][number]

/**
 * An agency's demerit points today, in SQL, for sorting a list: the same findings and window as
 * agencyFlags() in src/complaints/rules.ts (which the page shows), summed in the database.
 */
function demeritPoints(today: string) {
  const windowStart = demeritWindowStart(today)
  return sql<number>`(select coalesce(sum(c.demerit_points), 0) from complaints c
      where c.agency_id = agencies.id and c.outcome = 'substantiated'
        and (c.decided_at at time zone 'UTC')::date > ${windowStart}::date)
    + (select coalesce(sum(f.demerit_points), 0) from inspection_findings f
      where f.agency_id = agencies.id and f.status = 'substantiated'
        and (f.decided_at at time zone 'UTC')::date > ${windowStart}::date)`
}

export function findAgency(db: Database, id: string) {
  return db.selectFrom('agencies').selectAll().where('id', '=', id).executeTakeFirst()
}

// Timestamps inside json_agg arrive as ISO strings; the page wants Dates like everywhere else.
const toDate = (v: Date | string) => (v instanceof Date ? v : new Date(v))
const toDateOrNull = (v: Date | string | null) => (v === null ? null : toDate(v))

/**
 * Everything the agency page shows, in one statement: the agency with its people, licence,
 * conditions, applications and history as JSON. One round trip keeps the busiest staff page fast.
 */
export async function agencyDetails(db: Database, id: string) {
  const row = await db
    .selectFrom('agencies')
    .selectAll('agencies')
    .select((eb) => [
      jsonArrayFrom(
        eb
          .selectFrom('agency_people')
          .selectAll()
          .whereRef('agency_people.agency_id', '=', 'agencies.id')
          .orderBy('position'),
      ).as('people'),
      jsonObjectFrom(
        eb.selectFrom('licences').selectAll().whereRef('licences.agency_id', '=', 'agencies.id'),
      ).as('licence'),
      jsonArrayFrom(
        eb
          .selectFrom('licence_applications')
          .leftJoin('users as submitter', 'submitter.id', 'licence_applications.submitted_by')
          .leftJoin('users as decider', 'decider.id', 'licence_applications.decided_by')
          .selectAll('licence_applications')
          .select(['submitter.name as submitted_by_name', 'decider.name as decided_by_name'])
          .whereRef('licence_applications.agency_id', '=', 'agencies.id')
          .orderBy('licence_applications.submitted_at', 'desc'),
      ).as('applications'),
      jsonArrayFrom(
        eb
          .selectFrom('licence_events')
          .selectAll()
          .whereRef('licence_events.agency_id', '=', 'agencies.id')
          .orderBy('id', 'desc'),
      ).as('events'),
      jsonArrayFrom(
        eb
          .selectFrom('licence_conditions')
          .innerJoin('licences', 'licences.id', 'licence_conditions.licence_id')
          .selectAll('licence_conditions')
          .whereRef('licences.agency_id', '=', 'agencies.id')
          .orderBy('licence_conditions.due_on'),
      ).as('conditions'),
    ])
    .where('agencies.id', '=', id)
    .executeTakeFirst()
  if (!row) return null
  const { people, licence, applications, events, conditions, ...agency } = row
  return {
    agency,
    people,
    licence: licence
      ? { ...licence, created_at: toDate(licence.created_at), updated_at: toDate(licence.updated_at) }
      : null,
    applications: applications.map((a) => ({
      ...a,
      submitted_at: toDate(a.submitted_at),
      decided_at: toDateOrNull(a.decided_at),
    })),
    events: events.map((e) => ({ ...e, at: toDate(e.at) })),
    conditions: conditions.map((c) => ({ ...c, created_at: toDate(c.created_at) })),
  }
}
export type AgencyDetails = NonNullable<Awaited<ReturnType<typeof agencyDetails>>>

/** An agency's id and legal name, for a page about one of its records. */
export function agencyNamed(db: Database, id: string) {
  return db.selectFrom('agencies').select(['id', 'legal_name']).where('id', '=', id).executeTakeFirst()
}

export interface DuplicateMatch {
  id: string
  legal_name: string
  registration_number: string
  reasons: string[]
  /** A person linked to a revoked or refused agency: saving needs an acknowledgement with a reason. */
  phoenix: boolean
}

/**
 * Agencies this one may duplicate: the same registration number, a closely resembling legal or
 * trading name (pg_trgm), or a principal or director whose ID number is linked to another agency,
 * which matters most when that agency's licence was revoked or its application refused.
 */
export async function findPossibleDuplicates(
  db: Database,
  input: Pick<AgencyInput, 'legal_name' | 'trading_names' | 'registration_number' | 'people'>,
  excludeId?: string,
  /** Whether the reasons may name ID numbers (not for every staff role, see licensing/access.ts). */
  withIdNumbers = true,
): Promise<DuplicateMatch[]> {
  const matches = new Map<string, DuplicateMatch>()
  const add = (
    row: { id: string; legal_name: string; registration_number: string },
    reason: string,
    phoenix = false,
  ) => {
    const m = matches.get(row.id) ?? { ...row, reasons: [], phoenix: false }
    if (!m.reasons.includes(reason)) m.reasons.push(reason)
    m.phoenix ||= phoenix
    matches.set(row.id, m)
  }
  const others = db
    .selectFrom('agencies')
    .select(['agencies.id', 'agencies.legal_name', 'agencies.registration_number'])
    .$if(excludeId !== undefined, (qb) => qb.where('agencies.id', '!=', excludeId!))

  const key = registrationKey(input.registration_number)
  const sameNumber = key ? await others.where('agencies.registration_key', '=', key).execute() : []
  for (const row of sameNumber) add(row, `Same company registration number (${row.registration_number})`)

  // Names: candidates found by pg_trgm on the words that tell names apart, then kept only when
  // those words resemble (src/agencies/resemblance.ts), so "Recruitment (Pty) Ltd" alone flags nothing.
  for (const name of [input.legal_name, ...input.trading_names]) {
    const core = nameCore(name) || foldAccents(name)
    const candidates = await others
      .select(['agencies.trading_names'])
      .where(sql<boolean>`(${core} <% agencies.search_text or agencies.search_text % ${core})`)
      .orderBy(sql`word_similarity(${core}, agencies.search_text)`, 'desc')
      .limit(20)
      .execute()
    for (const row of candidates) {
      const alike = Math.max(
        ...[row.legal_name, ...row.trading_names].map((other) => nameResemblance(name, other)),
      )
      if (alike >= RESEMBLANCE_THRESHOLD)
        add(
          row,
          `Name resembles “${name}” (${Math.round(alike * 100)}% alike, leaving out words every name has)`,
        )
    }
  }

  const keys = input.people.map((p) => idNumberKey(p.id_number))
  if (keys.length > 0) {
    const linked = await others
      .innerJoin('agency_people', 'agency_people.agency_id', 'agencies.id')
      .leftJoin('licences', 'licences.agency_id', 'agencies.id')
      .select((eb) => [
        'agency_people.name as person_name',
        'agency_people.id_number_key',
        'licences.status as licence_status',
        eb
          .exists(
            eb
              .selectFrom('licence_applications as ra')
              .select('ra.id')
              .whereRef('ra.agency_id', '=', 'agencies.id')
              .where('ra.status', '=', 'refused'),
          )
          .as('was_refused'),
      ])
      .where('agency_people.id_number_key', 'in', keys)
      .execute()
    for (const row of linked) {
      const person = input.people.find((p) => idNumberKey(p.id_number) === row.id_number_key)!
      const revoked = row.licence_status === 'revoked'
      const refused = Boolean(row.was_refused)
      const what = revoked
        ? 'whose licence was revoked'
        : refused
          ? 'whose application was refused'
          : 'already registered'
      add(
        row,
        `${person.name}${withIdNumbers ? ` (ID ${person.id_number})` : ''} is linked to this agency, ${what}`,
        revoked || refused,
      )
    }
  }
  // Links to revoked or refused agencies first; then the very name typed, then the same number,
  // so that among names alike once common words are set aside, the likeliest duplicate leads.
  const typed = new Set([input.legal_name, ...input.trading_names].map((n) => foldAccents(n.trim())))
  const rank = (m: DuplicateMatch) =>
    (m.phoenix ? 4 : 0) +
    (typed.has(foldAccents(m.legal_name.trim())) ? 2 : 0) +
    (sameNumber.some((row) => row.id === m.id) ? 1 : 0)
  return [...matches.values()].sort((a, b) => rank(b) - rank(a))
}

export type BarredPerson =
  | {
      because: 'revocation'
      name: string
      agency_id: string
      agency_name: string
      revoked_on: string
      barred_until: string
    }
  | { because: 'conviction'; name: string; convicted_on: string; case_number: string; barred_until: string }

/**
 * The people typed whose ID number is that of a principal or director of an agency whose licence
 * was revoked less than `years` ago, or of a person convicted of a recruitment offence less than
 * `years` ago (a conviction overturned on appeal bars nobody): they may not be in a new agency
 * until the bar ends. Editing an agency, its own people are not barred by its own revocation, nor
 * by a conviction already known when they were in it (that is for the licence review).
 */
export async function barredPeople(
  db: Database,
  people: readonly { name: string; id_number: string }[],
  today: string,
  years: number,
  excludeAgencyId?: string,
): Promise<BarredPerson[]> {
  const keys = people.map((p) => idNumberKey(p.id_number)).filter(Boolean)
  if (keys.length === 0 || years === 0) return []
  const convicted = await convictedPeople(db, keys, excludeAgencyId)
  const rows = await db
    .selectFrom('agency_people')
    .innerJoin('agencies', 'agencies.id', 'agency_people.agency_id')
    .innerJoin('licences', 'licences.agency_id', 'agencies.id')
    .select([
      'agency_people.id_number_key',
      'agencies.id as agency_id',
      'agencies.legal_name as agency_name',
      sql<string>`(select ${lesothoDateOf('e.at')}::text from licence_events e
        where e.licence_id = licences.id and e.to_status = 'revoked' order by e.id desc limit 1)`.as(
        'revoked_on',
      ),
    ])
    .where('agency_people.id_number_key', 'in', keys)
    .where('licences.status', '=', 'revoked')
    .$if(excludeAgencyId !== undefined, (qb) => qb.where('agencies.id', '!=', excludeAgencyId!))
    .execute()
  const nameOf = (key: string) => people.find((p) => idNumberKey(p.id_number) === key)!.name
  const byConviction = convicted.flatMap((row) => {
    const until = barredUntil(row.verdict_on, years)
    return until >= today
      ? [
          {
            because: 'conviction' as const,
            name: nameOf(row.id_number_key),
            convicted_on: row.verdict_on,
            case_number: caseNumberText(row),
            barred_until: until,
          },
        ]
      : []
  })
  const byRevocation = rows.flatMap((row) => {
    const person = people.find((p) => idNumberKey(p.id_number) === row.id_number_key)!
    const until = row.revoked_on ? barredUntil(row.revoked_on, years) : null
    return until && until >= today
      ? [
          {
            because: 'revocation' as const,
            name: person.name,
            agency_id: row.agency_id,
            agency_name: row.agency_name,
            revoked_on: row.revoked_on,
            barred_until: until,
          },
        ]
      : []
  })
  return [...byRevocation, ...byConviction]
}

/** Standing convictions of people with these ID numbers, besides those already in the agency edited. */
function convictedPeople(db: Database, keys: string[], excludeAgencyId: string | undefined) {
  return db
    .selectFrom('case_suspects')
    .innerJoin('criminal_cases', 'criminal_cases.id', 'case_suspects.case_id')
    .select([
      'case_suspects.id_number_key as id_number_key',
      sql<string>`case_suspects.verdict_on::text`.as('verdict_on'),
      'criminal_cases.station',
      'criminal_cases.case_number',
      'criminal_cases.case_year',
    ])
    .where('case_suspects.id_number_key', 'in', keys)
    .where('case_suspects.verdict', '=', 'convicted')
    .where('case_suspects.overturned_on', 'is', null)
    .$if(excludeAgencyId !== undefined, (qb) =>
      qb.where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('agency_people')
              .select(sql`1`.as('one'))
              .where('agency_people.agency_id', '=', excludeAgencyId!)
              .whereRef('agency_people.id_number_key', '=', 'case_suspects.id_number_key'),
          ),
        ),
      ),
    )
    .execute() as Promise<
    { id_number_key: string; verdict_on: string; station: string; case_number: number; case_year: number }[]
  >
}

/** The agency's own columns from a submitted form (people are stored beside it). */
function agencyColumns(input: AgencyInput) {
  return {
    legal_name: input.legal_name,
    trading_names: input.trading_names,
    registration_number: input.registration_number,
    district: input.district,
    physical_address: input.physical_address,
    phone: input.phone ?? null,
    email: input.email ?? null,
    sectors: input.sectors,
    destination_countries: input.destination_countries,
    notes: input.notes ?? null,
  }
}

export async function insertAgency(db: Database, input: AgencyInput) {
  const agency = await db
    .insertInto('agencies')
    .values(agencyColumns(input))
    .returningAll()
    .executeTakeFirstOrThrow()
  await replacePeople(db, agency.id, input.people)
  return agency
}

/** Applies an edit only if the agency is still at `version`; undefined means someone else changed it first. */
export async function updateAgencyAtVersion(db: Database, id: string, version: number, input: AgencyInput) {
  const agency = await db
    .updateTable('agencies')
    .set((eb) => ({
      ...agencyColumns(input),
      version: eb('version', '+', 1),
      updated_at: new Date(),
    }))
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst()
  if (agency) await replacePeople(db, id, input.people)
  return agency
}

async function replacePeople(db: Database, agencyId: string, people: AgencyInput['people']) {
  await db.deleteFrom('agency_people').where('agency_id', '=', agencyId).execute()
  if (people.length === 0) return
  await db
    .insertInto('agency_people')
    .values(
      people.map((p, position) => ({
        agency_id: agencyId,
        role: p.role,
        name: p.name,
        id_number: p.id_number,
        id_number_key: idNumberKey(p.id_number),
        position,
      })),
    )
    .execute()
}

/** The agency already holding this registration number, however it is written. */
export function registrationNumberTaken(db: Database, registrationNumber: string, excludeId?: string) {
  return db
    .selectFrom('agencies')
    .select(['id', 'legal_name', 'registration_number'])
    .where('registration_key', '=', registrationKey(registrationNumber))
    .$if(excludeId !== undefined, (qb) => qb.where('id', '!=', excludeId!))
    .executeTakeFirst()
}

/**
 * The agencies a person means by what they typed: a licence number, a company registration
 * number (however written), or a legal or trading name exactly (case and accents aside). More
 * than one when agencies share a name.
 */
export async function agenciesKnownAs(db: Database, typed: string) {
  const licence = licenceNumberIn(typed)
  const base = db
    .selectFrom('agencies')
    .leftJoin('licences', 'licences.agency_id', 'agencies.id')
    .select(['agencies.id', 'agencies.legal_name', 'agencies.trading_names', 'licences.licence_number'])
  if (licence) return base.where('licences.licence_number', '=', licence).execute()
  const key = registrationKey(typed)
  const byNumber =
    key && /\d/.test(key) ? await base.where('agencies.registration_key', '=', key).execute() : []
  if (byNumber.length > 0) return byNumber
  const name = foldAccents(typed.trim())
  if (name.length < 2) return []
  // Found through the trigram index (a whole name is a perfect word match), then compared exactly.
  const candidates = await base.where(sql<boolean>`${name} <% agencies.search_text`).limit(50).execute()
  return candidates.filter((a) =>
    [a.legal_name, ...a.trading_names].some((n) => foldAccents(n.trim()) === name),
  )
}

/**
 * The agencies whose revoked licence or refused application a principal or director of this
 * one is linked to, as the licensing office must weigh them before licensing it, and the reason
 * given when it was registered all the same.
 */
export async function phoenixLinksOf(db: Database, agencyId: string, withIdNumbers: boolean) {
  const [agency, people, registered] = await Promise.all([
    db
      .selectFrom('agencies')
      .select(['legal_name', 'trading_names', 'registration_number'])
      .where('id', '=', agencyId)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('agency_people')
      .select(['role', 'name', 'id_number'])
      .where('agency_id', '=', agencyId)
      .execute(),
    db
      .selectFrom('audit_log')
      .select(sql<string | null>`after->>'reason'`.as('reason'))
      .where('entity', '=', 'agency')
      .where('entity_id', '=', agencyId)
      .where('action', '=', 'agency.phoenix_match_acknowledged')
      .orderBy('id', 'desc')
      .executeTakeFirst(),
  ])
  const matches = await findPossibleDuplicates(db, { ...agency, people }, agencyId, withIdNumbers)
  return {
    links: matches.filter((m) => m.phoenix),
    reasonAtRegistration: registered?.reason ?? null,
  }
}
