import { sql } from 'kysely'
import { type Actor, writeAudit } from '../audit/audit.js'
import type { Database } from '../db/database.js'
import { formatDate } from '../format.js'
import { lesothoDateOf } from '../time.js'
import {
  type AppealAgainst,
  type AppealDecision,
  appealDeadline,
  appealInTime,
  decideAppeal,
  type LicenceStatus,
} from './lifecycle.js'
import { recordLicenceEvent } from './queries.js'

// Appeals against refusals, suspensions and revocations: recorded by the licensing office as
// received, decided by a licensing manager; each step with its licence event and audit entry in
// the caller's transaction.

export interface AppealableDecision {
  against: AppealAgainst
  /** `application:<id>` or `event:<id>`, as the form sends it. */
  ref: string
  decided_on: string
  deadline: string
  decided_by: string | null
  label: string
}

/** An agency's decisions that may still be appealed today: within the window, none appealed yet. */
export async function appealableDecisions(
  db: Database,
  agencyId: string,
  today: string,
  days: number,
): Promise<AppealableDecision[]> {
  const since = appealDeadline(today, -days)
  const [refusals, events] = await Promise.all([
    db
      .selectFrom('licence_applications as a')
      .select(['a.id', 'a.decided_by', sql<string>`${lesothoDateOf('a.decided_at')}::text`.as('decided_on')])
      .where('a.agency_id', '=', agencyId)
      .where('a.status', '=', 'refused')
      .where(sql<boolean>`${lesothoDateOf('a.decided_at')} >= ${since}::date`)
      .where(({ not, exists, selectFrom }) =>
        not(exists(selectFrom('licence_appeals').select('id').whereRef('application_id', '=', 'a.id'))),
      )
      .execute(),
    db
      .selectFrom('licence_events as e')
      .innerJoin('licences as l', 'l.id', 'e.licence_id')
      .select([
        'e.id',
        'e.to_status',
        'e.actor_id',
        sql<string>`${lesothoDateOf('e.at')}::text`.as('decided_on'),
      ])
      .where('e.agency_id', '=', agencyId)
      .where('e.event', 'in', ['licence_suspended', 'licence_revoked'])
      // Only the decision the licence still stands under.
      .whereRef('l.status', '=', 'e.to_status')
      .where(sql<boolean>`${lesothoDateOf('e.at')} >= ${since}::date`)
      .where(({ not, exists, selectFrom }) =>
        not(exists(selectFrom('licence_appeals').select('id').whereRef('licence_event_id', '=', 'e.id'))),
      )
      .orderBy('e.id', 'desc')
      .limit(1)
      .execute(),
  ])
  return [
    ...refusals.map((r) => ({
      against: 'refusal' as const,
      ref: `application:${r.id}`,
      decided_on: r.decided_on,
      deadline: appealDeadline(r.decided_on, days),
      decided_by: r.decided_by,
      label: `Refusal of the application, ${formatDate(r.decided_on)}`,
    })),
    ...events.map((e) => {
      const against: AppealAgainst = e.to_status === 'revoked' ? 'revocation' : 'suspension'
      return {
        against,
        ref: `event:${e.id}`,
        decided_on: e.decided_on,
        deadline: appealDeadline(e.decided_on, days),
        decided_by: e.actor_id,
        label: `${against === 'revocation' ? 'Revocation' : 'Suspension'} of the licence, ${formatDate(e.decided_on)}`,
      }
    }),
  ]
}

export type AppealResult = { ok: true; id: string } | { ok: false; conflict: boolean; reason?: string }

/** Records an appeal as the licensing office received it, if it is in time. */
export async function lodgeAppeal(
  trx: Database,
  actor: Actor,
  input: { agencyId: string; ref: string; lodgedOn: string; grounds: string; today: string; days: number },
): Promise<AppealResult> {
  if (input.lodgedOn > input.today)
    return { ok: false, conflict: false, reason: 'An appeal cannot be received on a day still to come.' }
  const open = await appealableDecisions(trx, input.agencyId, appealDeadline(input.lodgedOn, 0), input.days)
  const decision = open.find((d) => d.ref === input.ref)
  if (!decision) {
    // Sent twice: the appeal the first one recorded.
    const [kind, id] = input.ref.split(':')
    const earlier = await trx
      .selectFrom('licence_appeals')
      .select('id')
      .where(
        kind === 'application' ? 'application_id' : 'licence_event_id',
        '=',
        (kind === 'application' ? id : Number(id)) as never,
      )
      .executeTakeFirst()
    if (earlier) return { ok: true, id: earlier.id }
    return {
      ok: false,
      conflict: false,
      reason: 'This decision cannot be appealed now: the time to appeal has ended.',
    }
  }
  if (input.lodgedOn > input.today)
    return { ok: false, conflict: false, reason: 'An appeal cannot be lodged on a day still to come.' }
  const inTime = appealInTime(decision.decided_on, input.lodgedOn, input.days)
  if (!inTime.ok) return { ok: false, conflict: false, reason: inTime.reason }
  const [kind, id] = input.ref.split(':')
  const appeal = await trx
    .insertInto('licence_appeals')
    .values({
      agency_id: input.agencyId,
      against: decision.against,
      application_id: kind === 'application' ? id! : null,
      licence_event_id: kind === 'event' ? Number(id) : null,
      decided_by_officer: decision.decided_by,
      decided_on: decision.decided_on,
      lodged_on: input.lodgedOn,
      grounds: input.grounds,
      recorded_by: actor.id,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
  await recordLicenceEvent(trx, actor, {
    agencyId: input.agencyId,
    applicationId: appeal.application_id,
    event: 'appeal_lodged',
    reason: `Against the ${decision.against} of ${decision.decided_on}: ${input.grounds}`,
  })
  await writeAudit(trx, actor, {
    action: 'appeal.lodged',
    entity: 'licence_appeal',
    entityId: appeal.id,
    after: appeal,
  })
  return { ok: true, id: appeal.id }
}

/** A licensing manager's decision on an appeal, at the version they saw. */
export async function decideOnAppeal(
  trx: Database,
  actor: Actor & { id: string; role: string },
  input: { id: string; version: number; decision: AppealDecision; reason: string },
): Promise<AppealResult> {
  const appeal = await trx
    .selectFrom('licence_appeals')
    .selectAll()
    .where('id', '=', input.id)
    .forUpdate()
    .executeTakeFirst()
  if (!appeal || appeal.version !== input.version) return { ok: false, conflict: true }
  const event = appeal.licence_event_id
    ? await trx
        .selectFrom('licence_events')
        .selectAll()
        .where('id', '=', appeal.licence_event_id)
        .executeTakeFirstOrThrow()
    : null
  const licence = event?.licence_id
    ? await trx
        .selectFrom('licences')
        .selectAll()
        .where('id', '=', event.licence_id)
        .forUpdate()
        .executeTakeFirstOrThrow()
    : null
  const step = decideAppeal(
    appeal,
    input.decision,
    actor,
    licence && event ? { now: licence.status, before: event.from_status as LicenceStatus } : null,
  )
  if (!step.ok) return { ok: false, conflict: false, reason: step.reason }
  if (step.application && appeal.application_id) {
    // The application is decided again, as if the refusal had not been taken.
    await trx
      .updateTable('licence_applications')
      .set((eb) => ({
        status: 'submitted',
        decided_at: null,
        decided_by: null,
        decision_reason: null,
        version: eb('version', '+', 1),
      }))
      .where('id', '=', appeal.application_id)
      .execute()
  }
  if (step.licence && licence) {
    // The licence as it was before, with the same expiry.
    await trx
      .updateTable('licences')
      .set((eb) => ({
        status: step.licence!,
        suspended_until: null,
        public_reason: null,
        pending_investigation: false,
        version: eb('version', '+', 1),
        updated_at: new Date(),
      }))
      .where('id', '=', licence.id)
      .execute()
    await writeAudit(trx, actor, {
      action: 'licence.restored',
      entity: 'licence',
      entityId: licence.id,
      before: licence,
      after: {
        status: step.licence,
        expires_on: licence.expires_on,
        appeal: appeal.id,
        reason: input.reason,
      },
    })
    await recordLicenceEvent(trx, actor, {
      agencyId: appeal.agency_id,
      licenceId: licence.id,
      event: 'licence_restored',
      from: licence.status,
      to: step.licence,
      reason: `Appeal overturned the ${appeal.against}: ${input.reason}`,
    })
  }
  const updated = await trx
    .updateTable('licence_appeals')
    .set((eb) => ({
      status: step.appeal,
      decision_reason: input.reason,
      decided_by: actor.id,
      decided_at: new Date(),
      version: eb('version', '+', 1),
    }))
    .where('id', '=', appeal.id)
    .returningAll()
    .executeTakeFirstOrThrow()
  await recordLicenceEvent(trx, actor, {
    agencyId: appeal.agency_id,
    applicationId: appeal.application_id,
    event: `appeal_${step.appeal}`,
    reason: input.reason,
  })
  await writeAudit(trx, actor, {
    action: `appeal.${step.appeal}`,
    entity: 'licence_appeal',
    entityId: appeal.id,
    before: appeal,
    after: updated,
  })
  return { ok: true, id: appeal.id }
}

export function appealDetails(db: Database, id: string) {
  return db
    .selectFrom('licence_appeals')
    .innerJoin('agencies', 'agencies.id', 'licence_appeals.agency_id')
    .leftJoin('users as officer', 'officer.id', 'licence_appeals.decided_by_officer')
    .leftJoin('licence_events as appealed', 'appealed.id', 'licence_appeals.licence_event_id')
    .leftJoin('licence_applications as refused', 'refused.id', 'licence_appeals.application_id')
    .selectAll('licence_appeals')
    .select((eb) => [
      'agencies.legal_name as agency_name',
      'officer.name as officer_name',
      eb.fn.coalesce('appealed.reason', 'refused.decision_reason').as('decision_appealed_reason'),
    ])
    .where('licence_appeals.id', '=', id)
    .executeTakeFirst()
}
export type AppealDetails = NonNullable<Awaited<ReturnType<typeof appealDetails>>>

/** Appeals, those waiting for a decision first. */
/** An agency's appeals, newest first, for its page. */
export function appealsOfAgency(db: Database, agencyId: string) {
  return db
    .selectFrom('licence_appeals')
    .select(['id', 'against', 'status', 'lodged_on'])
    .where('agency_id', '=', agencyId)
    .orderBy('created_at', 'desc')
    .limit(20)
    .execute()
}

export function appealList(db: Database) {
  return db
    .selectFrom('licence_appeals')
    .innerJoin('agencies', 'agencies.id', 'licence_appeals.agency_id')
    .select([
      'licence_appeals.id',
      'licence_appeals.against',
      'licence_appeals.status',
      'licence_appeals.lodged_on',
      'agencies.legal_name as agency_name',
    ])
    .orderBy(sql`licence_appeals.status = 'lodged'`, 'desc')
    .orderBy('licence_appeals.lodged_on')
    .limit(200)
    .execute()
}
