import { sql } from 'kysely'
import { type Actor, writeAudit } from '../audit/audit.js'
import type { Database } from '../db/database.js'
import { offsetOf } from '../http/pagination.js'
import { type ComplaintCategory, type ComplaintStatus, pointsForFinding } from './rules.js'
import type { ComplaintFilters } from './schemas.js'

export const COMPLAINTS_PER_PAGE = 25

/** What tracking shows: the status only. */
export function trackComplaint(db: Database, reference: string) {
  return db
    .selectFrom('complaints')
    .leftJoin('agencies', 'agencies.id', 'complaints.agency_id')
    .select([
      'complaints.reference',
      'complaints.status',
      'complaints.outcome',
      'complaints.police_case_number',
      'complaints.district',
      'agencies.district as agency_district',
    ])
    .where('complaints.reference', '=', reference)
    .executeTakeFirst()
}

/** The queue, newest first, with the counts by status for the same filters (but status). */
export async function complaintQueue(db: Database, filters: ComplaintFilters, userId: string) {
  const filtered = (withStatus: boolean) =>
    db
      .selectFrom('complaints')
      .$if(withStatus && filters.status === 'open', (q) =>
        q.where('status', 'in', ['received', 'under_review']),
      )
      .$if(withStatus && filters.status !== undefined && filters.status !== 'open', (q) =>
        q.where('status', '=', filters.status as ComplaintStatus),
      )
      .$if(filters.category !== undefined, (q) =>
        q.where(sql<boolean>`categories @> array[${filters.category}]::text[]`),
      )
      .$if(filters.district !== undefined, (q) => q.where('complaints.district', '=', filters.district!))
      .$if(filters.registered === 'yes', (q) => q.where('agency_id', 'is not', null))
      .$if(filters.registered === 'no', (q) => q.where('agency_id', 'is', null))
      .$if(filters.assigned === 'me', (q) => q.where('assigned_to', '=', userId))
      .$if(filters.assigned === 'nobody', (q) => q.where('assigned_to', 'is', null))
      .$if(filters.agency !== undefined, (q) => q.where('agency_id', '=', filters.agency!))
  const [rows, total, counts, unlinked] = await Promise.all([
    filtered(true)
      .leftJoin('agencies', 'agencies.id', 'complaints.agency_id')
      .leftJoin('users', 'users.id', 'complaints.assigned_to')
      .select([
        'complaints.id',
        'complaints.reference',
        'complaints.status',
        'complaints.categories',
        'complaints.district',
        'complaints.recruiter_name',
        'complaints.outcome',
        'complaints.police_case_number',
        'complaints.created_at',
        'agencies.id as agency_id',
        'agencies.legal_name as agency_name',
        'users.name as assigned_name',
      ])
      .orderBy('complaints.created_at', 'desc')
      .orderBy('complaints.id')
      .limit(COMPLAINTS_PER_PAGE)
      .offset(offsetOf(filters.page, COMPLAINTS_PER_PAGE))
      .execute(),
    filtered(true)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
    filtered(false)
      .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('status')
      .execute(),
    db
      .selectFrom('complaints')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('agency_id', 'is', null)
      .where('unlicensed_recruiter_id', 'is', null)
      .where('status', 'in', ['received', 'under_review'])
      .executeTakeFirstOrThrow(),
  ])
  return {
    rows,
    total: Number(total.n),
    counts: Object.fromEntries(counts.map((c) => [c.status, Number(c.n)])) as Partial<
      Record<ComplaintStatus, number>
    >,
    notYetLinked: Number(unlinked.n),
  }
}
export type QueueRow = Awaited<ReturnType<typeof complaintQueue>>['rows'][number]

/** Everything reported except the contact details, which need the audited "show contact". */
export async function complaintDetails(db: Database, id: string) {
  const complaint = await db
    .selectFrom('complaints')
    .leftJoin('agencies', 'agencies.id', 'complaints.agency_id')
    .leftJoin('licences', 'licences.agency_id', 'complaints.agency_id')
    .leftJoin('unlicensed_recruiters', 'unlicensed_recruiters.id', 'complaints.unlicensed_recruiter_id')
    .leftJoin('users as assignee', 'assignee.id', 'complaints.assigned_to')
    .leftJoin('users as decider', 'decider.id', 'complaints.decided_by')
    .select([
      'complaints.id',
      'complaints.reference',
      'complaints.agency_id',
      'complaints.unlicensed_recruiter_id',
      'complaints.job_offer_code',
      'complaints.channel',
      'complaints.outside_lesotho',
      'complaints.job_offer_id',
      'complaints.recruiter_name',
      'complaints.recruiter_place',
      'complaints.recruiter_phone',
      'complaints.categories',
      'complaints.fee_amount_minor',
      'complaints.fee_currency',
      'complaints.happened_on',
      'complaints.district',
      'complaints.promised_job',
      'complaints.promised_employer',
      'complaints.promised_country',
      'complaints.description',
      'complaints.may_contact',
      'complaints.contact_language',
      'complaints.language',
      'complaints.status',
      'complaints.assigned_to',
      'complaints.outcome',
      'complaints.proven_categories',
      'complaints.finding',
      'complaints.demerit_points',
      'complaints.decided_at',
      'complaints.police_case_number',
      'complaints.referred_at',
      'complaints.version',
      'complaints.created_at',
      'agencies.legal_name as agency_name',
      'licences.licence_number',
      'unlicensed_recruiters.name as unlicensed_name',
      'assignee.name as assigned_name',
      'decider.name as decided_by_name',
      sql<boolean>`complaints.contact_phone is not null or complaints.contact_email is not null`.as(
        'has_contact',
      ),
    ])
    .where('complaints.id', '=', id)
    .executeTakeFirst()
  if (!complaint) return null
  const events = await db
    .selectFrom('complaint_events')
    .select(['event', 'from_status', 'to_status', 'detail', 'actor_label', 'created_at'])
    .where('complaint_id', '=', id)
    .orderBy('id', 'desc')
    .execute()
  return { complaint, events }
}
export type ComplaintDetails = NonNullable<Awaited<ReturnType<typeof complaintDetails>>>

/** The contact details, read only through the audited "show contact" action. */
export async function revealContact(db: Database, actor: Actor, id: string) {
  const contact = await db
    .selectFrom('complaints')
    .select(['contact_phone', 'contact_email', 'may_contact', 'contact_language'])
    .where('id', '=', id)
    .executeTakeFirst()
  if (!contact) return null
  // The audit entry says that the contact was read, never what it is.
  await writeAudit(db, actor, { action: 'complaint.contact_shown', entity: 'complaint', entityId: id })
  return contact
}

type Change = {
  event: string
  detail?: string | null
  set?: Partial<{
    status: ComplaintStatus
    assigned_to: string
    agency_id: string
    unlicensed_recruiter_id: string
    outcome: 'substantiated' | 'unsubstantiated'
    proven_categories: ComplaintCategory[]
    finding: string
    demerit_points: number
    decided_at: Date
    decided_by: string
    police_case_number: string
    referred_at: Date
  }>
}

/**
 * One triage step at the version the officer saw: the update, its event in the complaint's
 * history and the audit entry, in the caller's transaction. False when someone else changed
 * the complaint first (nothing is written).
 */
export async function changeComplaint(
  trx: Database,
  actor: Actor,
  id: string,
  version: number,
  change: Change,
): Promise<boolean> {
  const before = await trx
    .selectFrom('complaints')
    .select(['status', 'agency_id', 'outcome', 'assigned_to', 'police_case_number'])
    .where('id', '=', id)
    .executeTakeFirst()
  if (!before) return false
  const updated = await trx
    .updateTable('complaints')
    .set({ ...change.set, version: sql`version + 1`, updated_at: new Date() })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst()
  if (Number(updated.numUpdatedRows) !== 1) return false
  const to = change.set?.status ?? before.status
  await trx
    .insertInto('complaint_events')
    .values({
      complaint_id: id,
      event: change.event,
      from_status: before.status,
      to_status: to,
      detail: change.detail ?? null,
      actor_id: actor.id,
      actor_label: actor.label,
    })
    .execute()
  await writeAudit(trx, actor, {
    action: `complaint.${change.event}`,
    entity: 'complaint',
    entityId: id,
    before,
    after: { ...change.set, detail: change.detail ?? undefined },
  })
  return true
}

/** The status a triage step leaves: taking any step on a new complaint puts it under review. */
export function reviewing(status: ComplaintStatus): ComplaintStatus {
  return status === 'received' ? 'under_review' : status
}

/** Records a decision with its points, fixed now by the rules module. */
export function decisionChange(
  actor: Actor,
  input: { outcome: 'substantiated' | 'unsubstantiated'; proven: ComplaintCategory[]; finding: string },
): Change {
  const proven = input.outcome === 'substantiated' ? [...new Set(input.proven)] : []
  return {
    event: input.outcome,
    detail: input.finding,
    set: {
      status: 'decided',
      outcome: input.outcome,
      proven_categories: proven,
      finding: input.finding,
      demerit_points: pointsForFinding(proven),
      decided_at: new Date(),
      ...(actor.id ? { decided_by: actor.id } : {}),
    },
  }
}

/** An unlisted recruiter already reported under this name and phone, or a new entry. */
export async function unlicensedRecruiterFor(
  trx: Database,
  actor: Actor,
  input: {
    name: string
    place?: string | undefined
    phone?: string | undefined
    district?: string | undefined
  },
): Promise<string> {
  const existing = await trx
    .selectFrom('unlicensed_recruiters')
    .select('id')
    .where(sql<boolean>`lower(name) = lower(${input.name})`)
    .where(sql<boolean>`coalesce(phone, '') = ${input.phone ?? ''}`)
    .executeTakeFirst()
  if (existing) return existing.id
  const created = await trx
    .insertInto('unlicensed_recruiters')
    .values({
      name: input.name,
      place: input.place ?? null,
      phone: input.phone ?? null,
      district: (input.district ?? null) as never,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await writeAudit(trx, actor, {
    action: 'unlicensed_recruiter.recorded',
    entity: 'unlicensed_recruiter',
    entityId: created.id,
    after: input,
  })
  return created.id
}

/** The reported unlicensed recruiters, most reported first, for police follow-up. */
export async function unlicensedRecruiters(db: Database, page: number) {
  const [rows, total] = await Promise.all([
    db
      .selectFrom('unlicensed_recruiters')
      .leftJoin('complaints', 'complaints.unlicensed_recruiter_id', 'unlicensed_recruiters.id')
      .select([
        'unlicensed_recruiters.id',
        'unlicensed_recruiters.name',
        'unlicensed_recruiters.place',
        'unlicensed_recruiters.phone',
        'unlicensed_recruiters.district',
        (eb) => eb.fn.count<number>('complaints.id').as('reports'),
        (eb) => eb.fn.max('complaints.created_at').as('last_report'),
      ])
      .groupBy('unlicensed_recruiters.id')
      .orderBy('reports', 'desc')
      .orderBy('unlicensed_recruiters.name')
      .limit(COMPLAINTS_PER_PAGE)
      .offset(offsetOf(page, COMPLAINTS_PER_PAGE))
      .execute(),
    db
      .selectFrom('unlicensed_recruiters')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ])
  return { rows: rows.map((r) => ({ ...r, reports: Number(r.reports) })), total: Number(total.n) }
}

/** Clears a public flag with a reason: the public warning goes, the points stay (rules.ts). */
export async function clearFlag(
  trx: Database,
  actor: Actor,
  input: { agencyId: string; flag: 'fee' | 'fraud'; reason: string },
) {
  await trx
    .insertInto('flag_clearances')
    .values({
      agency_id: input.agencyId,
      flag: input.flag,
      reason: input.reason,
      cleared_by: actor.id,
      cleared_by_label: actor.label,
    })
    .execute()
  await trx
    .insertInto('licence_events')
    .values({
      agency_id: input.agencyId,
      event: `flag_${input.flag}_cleared`,
      reason: input.reason,
      actor_id: actor.id,
      actor_label: actor.label,
    })
    .execute()
  await writeAudit(trx, actor, {
    action: 'agency.flag_cleared',
    entity: 'agency',
    entityId: input.agencyId,
    after: { flag: input.flag, reason: input.reason },
  })
}

/** Agencies whose points reach the review threshold, most points first. */
export function agenciesForReview(db: Database, windowStart: string, threshold: number) {
  return (
    db
      .selectFrom('complaints')
      .innerJoin('agencies', 'agencies.id', 'complaints.agency_id')
      .leftJoin('licences', 'licences.agency_id', 'agencies.id')
      .select([
        'agencies.id',
        'agencies.legal_name',
        'licences.licence_number',
        'licences.status',
        (eb) => eb.fn.sum<number>('complaints.demerit_points').as('points'),
      ])
      .where('complaints.outcome', '=', 'substantiated')
      .where(sql<boolean>`complaints.decided_at::date > ${windowStart}::date`)
      // A licence already ended needs no review.
      .where(
        sql<boolean>`licences.status is distinct from 'revoked' and licences.status is distinct from 'surrendered'`,
      )
      .groupBy(['agencies.id', 'licences.licence_number', 'licences.status'])
      .having((eb) => eb.fn.sum('complaints.demerit_points'), '>=', threshold)
      .orderBy('points', 'desc')
      .limit(100)
      .execute()
  )
}
