import { sql } from 'kysely'
import { jsonArrayFrom } from 'kysely/helpers/postgres'
import { type Actor, writeAudit } from '../audit/audit.js'
import type { Database } from '../db/database.js'
import { offsetOf } from '../http/pagination.js'
import { type LicenceStatus, standing } from '../licensing/lifecycle.js'
import { type PublicAgency, publicAgencyOf, publicColumns } from '../public/queries.js'
import { newOfferCode } from './code.js'
import {
  type JobOfferDecision,
  type JobOfferStatus,
  type OfferStanding,
  offerStanding,
  offerTransition,
} from './lifecycle.js'
import type { JobOfferInput } from './schemas.js'

// Recording and deciding job offers, each change with its event and audit entry in the
// caller's transaction; and the public view of an approved offer by its code.

async function recordEvent(
  trx: Database,
  actor: Actor,
  e: {
    offerId: string
    event: string
    from?: JobOfferStatus | null
    to: JobOfferStatus
    reason?: string | null
  },
) {
  await trx
    .insertInto('job_offer_events')
    .values({
      job_offer_id: e.offerId,
      event: e.event,
      from_status: e.from ?? null,
      to_status: e.to,
      reason: e.reason ?? null,
      actor_id: actor.id,
      actor_label: actor.label,
    })
    .execute()
}

/**
 * Records an offer from the agency's submission as `submitted`. The form's key makes a second
 * submit (a double click, a resend) find the first instead of recording it twice.
 */
export async function recordOffer(
  trx: Database,
  actor: Actor,
  agencyId: string,
  input: JobOfferInput,
): Promise<{ id: string; created: boolean }> {
  const { wage, submission_key, ...fields } = input
  const inserted = await trx
    .insertInto('job_offers')
    .values({
      ...fields,
      agency_id: agencyId,
      wage_minor: wage.minor,
      submission_key,
      recorded_by: actor.id,
    })
    .onConflict((oc) => oc.column('submission_key').doNothing())
    .returningAll()
    .executeTakeFirst()
  if (!inserted) {
    const earlier = await trx
      .selectFrom('job_offers')
      .select('id')
      .where('submission_key', '=', submission_key)
      .executeTakeFirstOrThrow()
    return { id: earlier.id, created: false }
  }
  await recordEvent(trx, actor, { offerId: inserted.id, event: 'recorded', to: 'submitted' })
  await writeAudit(trx, actor, {
    action: 'job_offer.recorded',
    entity: 'job_offer',
    entityId: inserted.id,
    after: inserted,
  })
  return { id: inserted.id, created: true }
}

export type OfferDecisionResult =
  | { ok: true; code: string | null }
  | { ok: false; conflict: true }
  | { ok: false; conflict: false; reason: string }

/** Approves, refuses or withdraws an offer at the version the officer saw. Approval gives it its code. */
export async function decideOffer(
  trx: Database,
  actor: Actor,
  input: { id: string; version: number; decision: JobOfferDecision; reason: string | null; today: string },
): Promise<OfferDecisionResult> {
  const offer = await trx
    .selectFrom('job_offers')
    .selectAll()
    .where('id', '=', input.id)
    .forUpdate()
    .executeTakeFirstOrThrow()
  if (offer.version !== input.version) return { ok: false, conflict: true }
  const licence = await trx
    .selectFrom('licences')
    .select(['status', 'expires_on'])
    .where('agency_id', '=', offer.agency_id)
    .executeTakeFirst()
  const agency = standing(
    licence ? { status: licence.status as LicenceStatus, expires_on: licence.expires_on } : null,
    false,
    input.today,
  )
  const step = offerTransition(offer.status, input.decision, agency, offer.open_until < input.today)
  if (!step.ok) return { ok: false, conflict: false, reason: step.reason }
  const code = step.to === 'approved' ? await unusedCode(trx) : offer.code
  const updated = await trx
    .updateTable('job_offers')
    .set((eb) => ({ status: step.to, code, version: eb('version', '+', 1), updated_at: new Date() }))
    .where('id', '=', offer.id)
    .returningAll()
    .executeTakeFirstOrThrow()
  await recordEvent(trx, actor, {
    offerId: offer.id,
    event: step.to,
    from: offer.status,
    to: step.to,
    reason: input.reason,
  })
  await writeAudit(trx, actor, {
    action: `job_offer.${input.decision}`,
    entity: 'job_offer',
    entityId: offer.id,
    before: offer,
    after: { ...updated, reason: input.reason },
  })
  return { ok: true, code }
}

/** A code no offer has: one in about nine million draws repeats one, and is drawn again. */
async function unusedCode(trx: Database): Promise<string> {
  for (;;) {
    const code = newOfferCode()
    const taken = await trx.selectFrom('job_offers').select('id').where('code', '=', code).executeTakeFirst()
    if (!taken) return code
  }
}

/** Whether an offer is valid today, as the public is told, from its row and its agency's licence. */
export function standingOfOffer(
  offer: {
    status: JobOfferStatus
    open_from: string
    open_until: string
    licence_status: string | null
    licence_expires_on: string | null
  },
  today: string,
): OfferStanding | null {
  if (offer.status !== 'approved' && offer.status !== 'withdrawn') return null
  const licence =
    offer.licence_status && offer.licence_expires_on
      ? { status: offer.licence_status as LicenceStatus, expires_on: offer.licence_expires_on }
      : null
  return offerStanding(offer, standing(licence, false, today), today)
}

/** Everything an officer sees of an offer: its agency, history and the reports that name it. */
export async function offerDetails(db: Database, id: string) {
  const row = await db
    .selectFrom('job_offers')
    .innerJoin('agencies', 'agencies.id', 'job_offers.agency_id')
    .leftJoin('licences', 'licences.agency_id', 'agencies.id')
    .selectAll('job_offers')
    .select((eb) => [
      'agencies.legal_name as agency_name',
      'licences.licence_number',
      'licences.status as licence_status',
      'licences.expires_on as licence_expires_on',
      jsonArrayFrom(
        eb
          .selectFrom('job_offer_events')
          .selectAll()
          .whereRef('job_offer_events.job_offer_id', '=', 'job_offers.id')
          .orderBy('id', 'desc'),
      ).as('events'),
      jsonArrayFrom(
        eb
          .selectFrom('complaints')
          .select(['complaints.id', 'complaints.reference', 'complaints.status', 'complaints.created_at'])
          .whereRef('complaints.job_offer_id', '=', 'job_offers.id')
          .orderBy('complaints.created_at', 'desc')
          .limit(50),
      ).as('complaints'),
    ])
    .where('job_offers.id', '=', id)
    .executeTakeFirst()
  if (!row) return null
  const { events, complaints, ...offer } = row
  return {
    offer,
    events: events.map((e) => ({ ...e, at: new Date(e.at) })),
    complaints: complaints.map((c) => ({ ...c, created_at: new Date(c.created_at) })),
  }
}
export type OfferDetails = NonNullable<Awaited<ReturnType<typeof offerDetails>>>

/** An agency's offers, newest first, for its page. */
export function offersOfAgency(db: Database, agencyId: string) {
  return db
    .selectFrom('job_offers')
    .leftJoin('licences', 'licences.agency_id', 'job_offers.agency_id')
    .select([
      'job_offers.id',
      'job_offers.code',
      'job_offers.status',
      'job_offers.position',
      'job_offers.employer_name',
      'job_offers.open_from',
      'job_offers.open_until',
      'licences.status as licence_status',
      'licences.expires_on as licence_expires_on',
    ])
    .where('job_offers.agency_id', '=', agencyId)
    .orderBy('job_offers.created_at', 'desc')
    .limit(100)
    .execute()
}

export const OFFERS_PER_PAGE = 50

/** Offers across agencies, those awaiting a decision first, for the licensing office's list. */
export async function offerList(
  db: Database,
  filters: { status?: JobOfferStatus | undefined; page: number },
) {
  const base = db
    .selectFrom('job_offers')
    .innerJoin('agencies', 'agencies.id', 'job_offers.agency_id')
    .leftJoin('licences', 'licences.agency_id', 'job_offers.agency_id')
    .$if(filters.status !== undefined, (qb) => qb.where('job_offers.status', '=', filters.status!))
  const [rows, total] = await Promise.all([
    base
      .select([
        'job_offers.id',
        'job_offers.code',
        'job_offers.status',
        'job_offers.position',
        'job_offers.employer_name',
        'job_offers.open_from',
        'job_offers.open_until',
        'job_offers.created_at',
        'agencies.legal_name as agency_name',
        'licences.status as licence_status',
        'licences.expires_on as licence_expires_on',
      ])
      .orderBy(sql`job_offers.status = 'submitted'`, 'desc')
      .orderBy('job_offers.created_at', 'desc')
      .limit(OFFERS_PER_PAGE)
      .offset(offsetOf(filters.page, OFFERS_PER_PAGE))
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ])
  return { rows, total: Number(total.n) }
}

/** The public fields of an approved (or withdrawn) offer, with its agency as the public sees it. */
export interface PublicOffer {
  code: string
  status: JobOfferStatus
  employer_name: string
  employer_country: string
  employer_place: string
  position: string
  sector: JobOfferInput['sector']
  workers_wanted: number
  wage_minor: number
  wage_currency: JobOfferInput['wage_currency']
  contract_months: number
  hours_per_week: number
  accommodation: string
  open_from: string
  open_until: string
  agency: PublicAgency
}

/**
 * An offer by its code: only approved and withdrawn offers have one (a refused offer never did).
 * The offer and its agency come in one query: the page is opened from posters and QR codes.
 */
export async function findPublicOffer(
  db: Database,
  code: string,
  today: string,
): Promise<PublicOffer | null> {
  const row = await publicColumns(db, today)
    .innerJoin('job_offers as offer', 'offer.agency_id', 'agencies.id')
    .select([
      'offer.code as offer_code',
      'offer.status as offer_status',
      'offer.employer_name',
      'offer.employer_country',
      'offer.employer_place',
      'offer.position',
      'offer.sector',
      'offer.workers_wanted',
      'offer.wage_minor',
      'offer.wage_currency',
      'offer.contract_months',
      'offer.hours_per_week',
      'offer.accommodation',
      'offer.open_from',
      'offer.open_until',
    ])
    .where('offer.code', '=', code)
    .where('offer.status', 'in', ['approved', 'withdrawn'])
    .executeTakeFirst()
  if (!row) return null
  return {
    code: row.offer_code!,
    status: row.offer_status,
    employer_name: row.employer_name,
    employer_country: row.employer_country,
    employer_place: row.employer_place,
    position: row.position,
    sector: row.sector,
    workers_wanted: row.workers_wanted,
    wage_minor: row.wage_minor,
    wage_currency: row.wage_currency,
    contract_months: row.contract_months,
    hours_per_week: row.hours_per_week,
    accommodation: row.accommodation,
    open_from: row.open_from,
    open_until: row.open_until,
    agency: publicAgencyOf(row, today),
  }
}

/** Approved offers open today, for /job-offers.csv. */
export function openOffers(db: Database, today: string) {
  return (
    db
      .selectFrom('job_offers')
      .innerJoin('agencies', 'agencies.id', 'job_offers.agency_id')
      .innerJoin('licences', 'licences.agency_id', 'agencies.id')
      .select([
        'job_offers.code',
        'agencies.legal_name as agency_name',
        'licences.licence_number',
        'job_offers.position',
        'job_offers.sector',
        'job_offers.employer_name',
        'job_offers.employer_country',
        'job_offers.employer_place',
        'job_offers.workers_wanted',
        'job_offers.wage_minor',
        'job_offers.wage_currency',
        'job_offers.contract_months',
        'job_offers.open_from',
        'job_offers.open_until',
      ])
      .where('job_offers.status', '=', 'approved')
      .where('job_offers.open_from', '<=', today)
      .where('job_offers.open_until', '>=', today)
      // Only while the agency may recruit: a licence in force.
      .where('licences.status', '=', 'active')
      .where('licences.expires_on', '>=', today)
      .orderBy('agencies.legal_name')
      .orderBy('job_offers.open_until')
      .limit(20_000)
      .execute()
  )
}
