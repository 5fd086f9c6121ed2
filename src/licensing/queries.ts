import { sql } from 'kysely'
import { type Actor, writeAudit } from '../audit/audit.js'
import type { Database } from '../db/database.js'
import { offsetOf } from '../http/pagination.js'
import { formatLicenceNumber } from '../licence-number.js'
import { addDays } from '../time.js'
import type { District } from '../vocabulary.js'
import {
  type ApplicationKind,
  type Decision,
  decideApplication,
  type LicenceAction,
  licenceTransition,
  type PublicReason,
} from './lifecycle.js'

export interface LicenceEvent {
  agencyId: string
  licenceId?: string | null
  applicationId?: string | null
  event: string
  from?: string | null
  to?: string | null
  reason?: string | null
  publicReason?: PublicReason | null
}

/** The licence history shown on the agency page. Always written with the change, in its transaction. */
export async function recordLicenceEvent(trx: Database, actor: Actor, e: LicenceEvent) {
  await trx
    .insertInto('licence_events')
    .values({
      agency_id: e.agencyId,
      licence_id: e.licenceId ?? null,
      application_id: e.applicationId ?? null,
      event: e.event,
      from_status: e.from ?? null,
      to_status: e.to ?? null,
      reason: e.reason ?? null,
      public_reason: e.publicReason ?? null,
      actor_id: actor.id,
      actor_label: actor.label,
    })
    .execute()
}

/** The next licence number of a year. The counter only rises, so a number is never reused. */
export async function nextLicenceNumber(trx: Database, year: number): Promise<string> {
  const row = await trx
    .insertInto('licence_number_counters')
    .values({ year, last_sequence: 1 })
    .onConflict((oc) =>
      oc
        .column('year')
        .doUpdateSet((eb) => ({ last_sequence: eb('licence_number_counters.last_sequence', '+', 1) })),
    )
    .returning('last_sequence')
    .executeTakeFirstOrThrow()
  return formatLicenceNumber(year, row.last_sequence)
}

export interface Checklist {
  fit_and_proper_checked: boolean
  registration_seen: boolean
  office_visited: boolean
  fee_free_declaration_signed: boolean
  checklist_notes?: string | undefined
}

export async function createApplication(
  trx: Database,
  actor: Actor,
  agencyId: string,
  kind: ApplicationKind,
  checklist: Checklist,
) {
  const application = await trx
    .insertInto('licence_applications')
    .values({
      agency_id: agencyId,
      kind,
      fit_and_proper_checked: checklist.fit_and_proper_checked,
      registration_seen: checklist.registration_seen,
      office_visited: checklist.office_visited,
      fee_free_declaration_signed: checklist.fee_free_declaration_signed,
      checklist_notes: checklist.checklist_notes ?? null,
      submitted_by: actor.id,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
  await recordLicenceEvent(trx, actor, {
    agencyId,
    applicationId: application.id,
    event: 'application_submitted',
    to: 'submitted',
    reason: kind === 'new' ? 'First licence' : 'Renewal',
  })
  await writeAudit(trx, actor, {
    action: 'application.submitted',
    entity: 'licence_application',
    entityId: application.id,
    after: application,
  })
  return application
}

/**
 * Changes the checklist of an application awaiting decision, at the version the officer saw;
 * false when someone changed or decided it first.
 */
export async function updateChecklist(
  trx: Database,
  actor: Actor,
  id: string,
  version: number,
  checklist: Checklist,
): Promise<boolean> {
  const before = await trx
    .selectFrom('licence_applications')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst()
  if (!before || before.version !== version || before.status !== 'submitted') return false
  const after = await trx
    .updateTable('licence_applications')
    .set((eb) => ({
      fit_and_proper_checked: checklist.fit_and_proper_checked,
      registration_seen: checklist.registration_seen,
      office_visited: checklist.office_visited,
      fee_free_declaration_signed: checklist.fee_free_declaration_signed,
      checklist_notes: checklist.checklist_notes ?? null,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow()
  await writeAudit(trx, actor, {
    action: 'application.checklist_updated',
    entity: 'licence_application',
    entityId: id,
    before,
    after,
  })
  return true
}

export type DecisionResult =
  | { ok: true; licenceNumber: string | null }
  | { ok: false; conflict: true }
  | { ok: false; conflict: false; reason: string }

/**
 * Decides an application at the version the officer saw. The row lock and the version check
 * make concurrent decisions on one application apply exactly once; the others get a conflict.
 */
export async function decide(
  trx: Database,
  actor: Actor,
  input: { applicationId: string; version: number; decision: Decision; reason?: string | undefined },
  today: string,
  validityMonths: number,
): Promise<DecisionResult> {
  const application = await trx
    .selectFrom('licence_applications')
    .selectAll()
    .where('id', '=', input.applicationId)
    .forUpdate()
    .executeTakeFirstOrThrow()
  if (application.version !== input.version) return { ok: false, conflict: true }
  const licence = await trx
    .selectFrom('licences')
    .selectAll()
    .where('agency_id', '=', application.agency_id)
    .forUpdate()
    .executeTakeFirst()
  const outcome = decideApplication(application, licence ?? null, input.decision, today, validityMonths)
  if (!outcome.ok) return { ok: false, conflict: false, reason: outcome.reason }

  const decided = await trx
    .updateTable('licence_applications')
    .set((eb) => ({
      status: outcome.applicationStatus,
      decided_at: new Date(),
      decided_by: actor.id,
      decision_reason: input.reason ?? null,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', application.id)
    .returningAll()
    .executeTakeFirstOrThrow()
  await recordLicenceEvent(trx, actor, {
    agencyId: application.agency_id,
    applicationId: application.id,
    licenceId: licence?.id,
    event: `application_${outcome.applicationStatus}`,
    from: 'submitted',
    to: outcome.applicationStatus,
    reason: input.reason,
  })
  await writeAudit(trx, actor, {
    action: `application.${outcome.applicationStatus}`,
    entity: 'licence_application',
    entityId: application.id,
    before: application,
    after: decided,
  })

  if (!outcome.licence) return { ok: true, licenceNumber: null }
  if (outcome.licence.effect === 'issue') {
    const licenceNumber = await nextLicenceNumber(trx, Number(today.slice(0, 4)))
    const issued = await trx
      .insertInto('licences')
      .values({
        agency_id: application.agency_id,
        licence_number: licenceNumber,
        status: 'active',
        issued_on: outcome.licence.issued_on,
        expires_on: outcome.licence.expires_on,
      })
      .returningAll()
      .executeTakeFirstOrThrow()
    await recordLicenceEvent(trx, actor, {
      agencyId: application.agency_id,
      licenceId: issued.id,
      applicationId: application.id,
      event: 'licence_issued',
      to: 'active',
      reason: `${licenceNumber}, valid until ${issued.expires_on}`,
    })
    await writeAudit(trx, actor, {
      action: 'licence.issued',
      entity: 'licence',
      entityId: issued.id,
      after: issued,
    })
    return { ok: true, licenceNumber }
  }
  const renewed = await trx
    .updateTable('licences')
    .set((eb) => ({
      expires_on: outcome.licence!.expires_on,
      version: eb('version', '+', 1),
      updated_at: new Date(),
    }))
    .where('id', '=', licence!.id)
    .returningAll()
    .executeTakeFirstOrThrow()
  await recordLicenceEvent(trx, actor, {
    agencyId: application.agency_id,
    licenceId: renewed.id,
    applicationId: application.id,
    event: 'licence_renewed',
    from: 'active',
    to: 'active',
    reason: `Valid until ${renewed.expires_on} (was ${licence!.expires_on})`,
  })
  await writeAudit(trx, actor, {
    action: 'licence.renewed',
    entity: 'licence',
    entityId: renewed.id,
    before: licence,
    after: renewed,
  })
  return { ok: true, licenceNumber: renewed.licence_number }
}

export type LicenceActionResult =
  | { ok: true }
  | { ok: false; conflict: true }
  | { ok: false; conflict: false; reason: string }

/** Suspend, reinstate, revoke or surrender, at the version the officer saw. */
export async function applyLicenceAction(
  trx: Database,
  actor: Actor,
  input: {
    licenceId: string
    version: number
    action: LicenceAction
    reason: string
    suspendedUntil?: string | undefined
    /** What the public is told of a suspension or revocation. */
    publicReason?: PublicReason | undefined
    /** An immediate suspension, before any notice. */
    pendingInvestigation?: boolean
  },
): Promise<LicenceActionResult> {
  const licence = await trx
    .selectFrom('licences')
    .selectAll()
    .where('id', '=', input.licenceId)
    .forUpdate()
    .executeTakeFirstOrThrow()
  if (licence.version !== input.version) return { ok: false, conflict: true }
  const step = licenceTransition(licence.status, input.action)
  if (!step.ok) return { ok: false, conflict: false, reason: step.reason }
  const updated = await trx
    .updateTable('licences')
    .set((eb) => ({
      status: step.to,
      suspended_until: input.action === 'suspend' ? (input.suspendedUntil ?? null) : null,
      // Said to the public while the licence is not in force; a reinstatement clears it.
      public_reason: step.to === 'active' ? null : (input.publicReason ?? null),
      pending_investigation: input.action === 'suspend' && input.pendingInvestigation === true,
      version: eb('version', '+', 1),
      updated_at: new Date(),
    }))
    .where('id', '=', licence.id)
    .returningAll()
    .executeTakeFirstOrThrow()
  const until = input.action === 'suspend' && input.suspendedUntil ? ` (until ${input.suspendedUntil})` : ''
  await recordLicenceEvent(trx, actor, {
    agencyId: licence.agency_id,
    licenceId: licence.id,
    event: `licence_${step.to === 'active' ? 'reinstated' : step.to}`,
    from: licence.status,
    to: step.to,
    reason: `${input.reason}${until}`,
    publicReason: step.to === 'active' ? null : (input.publicReason ?? null),
  })
  await writeAudit(trx, actor, {
    action: `licence.${input.action}`,
    entity: 'licence',
    entityId: licence.id,
    before: licence,
    after: { ...updated, reason: input.reason },
  })
  return { ok: true }
}

export async function addCondition(
  trx: Database,
  actor: Actor,
  licence: { id: string; agency_id: string },
  input: { condition: string; due_on: string; public_wording?: string | undefined },
) {
  const row = await trx
    .insertInto('licence_conditions')
    .values({
      licence_id: licence.id,
      condition: input.condition,
      due_on: input.due_on,
      public_wording: input.public_wording ?? null,
      created_by: actor.id,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
  await recordLicenceEvent(trx, actor, {
    agencyId: licence.agency_id,
    licenceId: licence.id,
    event: 'condition_added',
    reason: `${input.condition} (due ${input.due_on})`,
  })
  await writeAudit(trx, actor, {
    action: 'licence.condition_added',
    entity: 'licence_condition',
    entityId: row.id,
    after: row,
  })
  return row
}

/** Marks a condition met; false when it changed since the officer saw it. */
export async function markConditionMet(
  trx: Database,
  actor: Actor,
  input: { conditionId: string; agencyId: string; version: number },
  today: string,
): Promise<boolean> {
  const row = await trx
    .updateTable('licence_conditions')
    .set((eb) => ({ met_on: today, version: eb('version', '+', 1) }))
    .where('id', '=', input.conditionId)
    .where('version', '=', input.version)
    .where('met_on', 'is', null)
    .returningAll()
    .executeTakeFirst()
  if (!row) return false
  await recordLicenceEvent(trx, actor, {
    agencyId: input.agencyId,
    licenceId: row.licence_id,
    event: 'condition_met',
    reason: row.condition,
  })
  await writeAudit(trx, actor, {
    action: 'licence.condition_met',
    entity: 'licence_condition',
    entityId: row.id,
    after: row,
  })
  return true
}

export const QUEUE_PER_PAGE = 50

/** Applications awaiting a decision, oldest first. */
export async function applicationQueue(
  db: Database,
  filters: { district?: District | undefined; page: number },
) {
  let base = db
    .selectFrom('licence_applications')
    .innerJoin('agencies', 'agencies.id', 'licence_applications.agency_id')
    .where('licence_applications.status', '=', 'submitted')
  if (filters.district) base = base.where('agencies.district', '=', filters.district)
  const [rows, total] = await Promise.all([
    base
      .select([
        'licence_applications.id',
        'licence_applications.kind',
        'licence_applications.submitted_at',
        'agencies.id as agency_id',
        'agencies.legal_name',
        'agencies.district',
      ])
      .orderBy('licence_applications.submitted_at')
      .limit(QUEUE_PER_PAGE)
      .offset(offsetOf(filters.page, QUEUE_PER_PAGE))
      .execute(),
    base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ])
  return { rows, total: total.n }
}

/** Active licences that expired, or expire within 6 weeks: the renewal reminders. */
export function renewalReminders(db: Database, today: string) {
  return db
    .selectFrom('licences')
    .innerJoin('agencies', 'agencies.id', 'licences.agency_id')
    .select([
      'agencies.id as agency_id',
      'agencies.legal_name',
      'agencies.district',
      'licences.licence_number',
      'licences.expires_on',
    ])
    .where('licences.status', '=', 'active')
    .where('licences.expires_on', '<=', addDays(today, 42))
    .orderBy('licences.expires_on')
    .limit(500)
    .execute()
}

export function applicationDetails(db: Database, id: string) {
  return db
    .selectFrom('licence_applications')
    .innerJoin('agencies', 'agencies.id', 'licence_applications.agency_id')
    .leftJoin('users as submitter', 'submitter.id', 'licence_applications.submitted_by')
    .leftJoin('users as decider', 'decider.id', 'licence_applications.decided_by')
    .selectAll('licence_applications')
    .select([
      'agencies.legal_name',
      'agencies.district',
      'submitter.name as submitted_by_name',
      'decider.name as decided_by_name',
    ])
    .where('licence_applications.id', '=', id)
    .executeTakeFirst()
}
export type ApplicationDetails = NonNullable<Awaited<ReturnType<typeof applicationDetails>>>
