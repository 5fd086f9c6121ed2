import { sql } from 'kysely'
import { type Actor, writeAudit } from '../audit/audit.js'
import type { Database } from '../db/database.js'
import { formatDate } from '../format.js'
import { lesothoDateOf } from '../time.js'
import {
  decideNotice,
  type NoticeAction,
  type NoticeDecision,
  noticeAllowed,
  type PublicReason,
  representationsAllowed,
} from './lifecycle.js'
import { applyLicenceAction, recordLicenceEvent } from './queries.js'

// Notices of intended action, each step with its licence event and audit entry in the caller's
// transaction: given, the agency's representations recorded, then proceeded (the suspension or
// revocation takes effect through applyLicenceAction) or withdrawn.

export type NoticeResult = { ok: true; id: string } | { ok: false; conflict: boolean; reason?: string }

/** Gives a notice of intended suspension or revocation; a second submit finds the open one. */
export async function giveNotice(
  trx: Database,
  actor: Actor,
  input: {
    agencyId: string
    action: NoticeAction
    grounds: string
    /** Substantiated complaints and inspection findings of the agency the notice rests on. */
    complaintIds: readonly string[]
    findingIds: readonly string[]
    publicReason: PublicReason
    suspendedUntil: string | null
    respondBy: string
  },
): Promise<NoticeResult> {
  const licence = await trx
    .selectFrom('licences')
    .select(['id', 'status'])
    .where('agency_id', '=', input.agencyId)
    .forUpdate()
    .executeTakeFirst()
  if (!licence) return { ok: false, conflict: false, reason: 'This agency has no licence.' }
  const open = await trx
    .selectFrom('licence_notices')
    .select(['id', 'action', 'grounds'])
    .where('licence_id', '=', licence.id)
    .where('status', '=', 'open')
    .executeTakeFirst()
  // The same notice sent twice (a double click) is the notice already given.
  if (open && open.action === input.action && open.grounds === input.grounds) return { ok: true, id: open.id }
  const allowed = noticeAllowed(licence.status, input.action, Boolean(open))
  if (!allowed.ok) return { ok: false, conflict: false, reason: allowed.reason }
  // Only this agency's substantiated records are kept as grounds, whatever the form sent.
  const grounds = await groundsOf(trx, input.agencyId)
  const notice = await trx
    .insertInto('licence_notices')
    .values({
      agency_id: input.agencyId,
      licence_id: licence.id,
      action: input.action,
      grounds: input.grounds,
      complaint_ids: grounds.complaints.filter((c) => input.complaintIds.includes(c.id)).map((c) => c.id),
      finding_ids: grounds.findings.filter((f) => input.findingIds.includes(f.id)).map((f) => f.id),
      public_reason: input.publicReason,
      suspended_until: input.action === 'suspend' ? input.suspendedUntil : null,
      respond_by: input.respondBy,
      given_by: actor.id,
      given_by_label: actor.label,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
  await recordLicenceEvent(trx, actor, {
    agencyId: input.agencyId,
    licenceId: licence.id,
    event: `notice_${input.action}_given`,
    reason: `${input.grounds} (representations by ${formatDate(input.respondBy)})`,
  })
  await writeAudit(trx, actor, {
    action: 'licence.notice_given',
    entity: 'licence_notice',
    entityId: notice.id,
    after: notice,
  })
  return { ok: true, id: notice.id }
}

/** The notice, locked for the change, if it is still at the version the officer saw. */
async function lockedNotice(trx: Database, id: string, version: number) {
  const notice = await trx
    .selectFrom('licence_notices')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst()
  return notice && notice.version === version ? notice : null
}

/** What the agency answered (or that it answered nothing by the date). */
export async function recordRepresentations(
  trx: Database,
  actor: Actor,
  input: {
    id: string
    version: number
    representations: string | null
    receivedOn: string | null
    today: string
  },
): Promise<NoticeResult> {
  const notice = await lockedNotice(trx, input.id, input.version)
  if (!notice) return { ok: false, conflict: true }
  const none = input.representations === null
  const allowed = representationsAllowed(
    { status: notice.status, respond_by: notice.respond_by, answered: false },
    none ? 'none' : 'received',
    input.today,
  )
  if (!allowed.ok) return { ok: false, conflict: false, reason: allowed.reason }
  // Received between the notice and today: a date outside would cut the agency's time short.
  const givenOn = await trx
    .selectFrom('licence_notices')
    .select(sql<string>`${lesothoDateOf('created_at')}::text`.as('on'))
    .where('id', '=', notice.id)
    .executeTakeFirstOrThrow()
  if (!none && input.receivedOn && (input.receivedOn < givenOn.on || input.receivedOn > input.today))
    return {
      ok: false,
      conflict: false,
      reason: `Representations are received between the notice (${formatDate(givenOn.on)}) and today.`,
    }
  const updated = await trx
    .updateTable('licence_notices')
    .set((eb) => ({
      representations: input.representations,
      representations_on: none ? null : input.receivedOn,
      no_representations: none,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', notice.id)
    .returningAll()
    .executeTakeFirstOrThrow()
  await recordLicenceEvent(trx, actor, {
    agencyId: notice.agency_id,
    licenceId: notice.licence_id,
    event: none ? 'notice_no_representations' : 'notice_representations',
    reason: none ? `None received by ${formatDate(notice.respond_by)}` : input.representations,
  })
  await writeAudit(trx, actor, {
    action: 'licence.notice_representations',
    entity: 'licence_notice',
    entityId: notice.id,
    before: notice,
    after: updated,
  })
  return { ok: true, id: notice.id }
}

/** Proceeds with the notice (the action takes effect) or withdraws it, with the reason. */
export async function decideOnNotice(
  trx: Database,
  actor: Actor,
  input: { id: string; version: number; decision: NoticeDecision; reason: string },
): Promise<NoticeResult> {
  const notice = await lockedNotice(trx, input.id, input.version)
  if (!notice) return { ok: false, conflict: true }
  const licence = await trx
    .selectFrom('licences')
    .select(['id', 'status', 'version'])
    .where('id', '=', notice.licence_id)
    .forUpdate()
    .executeTakeFirstOrThrow()
  const answered = notice.no_representations || notice.representations !== null
  const step = decideNotice({ ...notice, answered }, input.decision, licence.status)
  if (!step.ok) return { ok: false, conflict: false, reason: step.reason }
  if (step.licence) {
    const applied = await applyLicenceAction(trx, actor, {
      licenceId: licence.id,
      version: licence.version,
      action: notice.action,
      reason: `After notice: ${input.reason}`,
      suspendedUntil: notice.suspended_until ?? undefined,
      publicReason: notice.public_reason,
    })
    if (!applied.ok)
      return { ok: false, conflict: applied.conflict, reason: applied.conflict ? undefined : applied.reason }
  }
  const updated = await trx
    .updateTable('licence_notices')
    .set((eb) => ({
      status: step.notice,
      decision_reason: input.reason,
      decided_by: actor.id,
      decided_at: new Date(),
      version: eb('version', '+', 1),
    }))
    .where('id', '=', notice.id)
    .returningAll()
    .executeTakeFirstOrThrow()
  if (step.notice === 'withdrawn')
    await recordLicenceEvent(trx, actor, {
      agencyId: notice.agency_id,
      licenceId: notice.licence_id,
      event: 'notice_withdrawn',
      reason: input.reason,
    })
  await writeAudit(trx, actor, {
    action: `licence.notice_${step.notice}`,
    entity: 'licence_notice',
    entityId: notice.id,
    before: notice,
    after: updated,
  })
  return { ok: true, id: notice.id }
}

/** The agency's substantiated complaints and inspection findings, which a notice may rest on. */
export async function groundsOf(db: Database, agencyId: string) {
  const [complaints, findings] = await Promise.all([
    db
      .selectFrom('complaints')
      .select(['id', 'reference', 'decided_at', 'proven_categories'])
      .where('agency_id', '=', agencyId)
      .where('outcome', '=', 'substantiated')
      .orderBy('decided_at', 'desc')
      .limit(50)
      .execute(),
    db
      .selectFrom('inspection_findings')
      .innerJoin('inspections', 'inspections.id', 'inspection_findings.inspection_id')
      .select([
        'inspection_findings.id',
        'inspection_findings.inspection_id',
        'inspection_findings.categories',
        'inspections.visited_at',
      ])
      .where('inspection_findings.agency_id', '=', agencyId)
      .where('inspection_findings.status', '=', 'substantiated')
      .orderBy('inspections.visited_at', 'desc')
      .limit(50)
      .execute(),
  ])
  return { complaints, findings }
}
export type NoticeGrounds = Awaited<ReturnType<typeof groundsOf>>

/** A notice with its agency, for its page. */
export function noticeDetails(db: Database, id: string) {
  return db
    .selectFrom('licence_notices')
    .innerJoin('agencies', 'agencies.id', 'licence_notices.agency_id')
    .innerJoin('licences', 'licences.id', 'licence_notices.licence_id')
    .leftJoin('users as decider', 'decider.id', 'licence_notices.decided_by')
    .selectAll('licence_notices')
    .select([
      'agencies.legal_name as agency_name',
      'licences.licence_number',
      'licences.status as licence_status',
      'decider.name as decided_by_name',
    ])
    .where('licence_notices.id', '=', id)
    .executeTakeFirst()
}
export type NoticeDetails = NonNullable<Awaited<ReturnType<typeof noticeDetails>>>

/** Open notices, the ones whose time is up first, for /licensing. */
export function openNotices(db: Database) {
  return db
    .selectFrom('licence_notices')
    .innerJoin('agencies', 'agencies.id', 'licence_notices.agency_id')
    .innerJoin('licences', 'licences.id', 'licence_notices.licence_id')
    .select([
      'licence_notices.id',
      'licence_notices.action',
      'licence_notices.respond_by',
      'licence_notices.representations',
      'licence_notices.no_representations',
      'agencies.legal_name as agency_name',
      'licences.licence_number',
    ])
    .where('licence_notices.status', '=', 'open')
    .orderBy('licence_notices.respond_by')
    .limit(200)
    .execute()
}

/** An agency's notices, newest first, for its page. */
export function noticesOfAgency(db: Database, agencyId: string) {
  return db
    .selectFrom('licence_notices')
    .select(['id', 'action', 'status', 'respond_by', 'created_at'])
    .where('agency_id', '=', agencyId)
    .orderBy('created_at', 'desc')
    .limit(50)
    .execute()
}
