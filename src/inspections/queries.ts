import { sql } from 'kysely'
import { type Actor, writeAudit } from '../audit/audit.js'
import type { Database } from '../db/database.js'
import type { District } from '../vocabulary.js'
import { insertWorksite } from '../worksites/queries.js'
import { columnsOf, type WriteOutcome, writeNewRecord, writeRecord } from './record-writer.js'
import type { InspectionRecord } from './schemas.js'
import { refreshWorksiteFacts } from './worksite-facts.js'

export type SaveResult =
  | { saved: 'draft' | 'submitted'; id: string }
  /** The key was already submitted: the resend changes nothing. */
  | { saved: 'unchanged'; id: string }
  | { refused: Record<string, string> }

/**
 * Why the record cannot be written as it is (a worksite gone from the register or merged, a
 * licence no agency holds), by field, or null. Checked before a transaction writes anything; a
 * new record gets the same answer from the statement that writes it (refusalOf).
 */
async function refusalBeforeWriting(
  trx: Database,
  record: InspectionRecord,
  /** Null when the worksite is being added with the record. */
  worksiteId: string | null,
): Promise<Record<string, string> | null> {
  const licences = record.recruiters.flatMap((r) => (r.licence ? [r.licence] : []))
  const [worksite, known] = await Promise.all([
    worksiteId
      ? trx.selectFrom('worksites').select('merged_into_id').where('id', '=', worksiteId).executeTakeFirst()
      : Promise.resolve({ merged_into_id: null }),
    licences.length
      ? trx.selectFrom('licences').select('licence_number').where('licence_number', 'in', licences).execute()
      : Promise.resolve([]),
  ])
  const knownNumbers = new Set(known.map((l) => l.licence_number))
  return refusalOf(record, {
    id: null,
    worksiteFound: worksite !== undefined,
    worksiteMerged: Boolean(worksite?.merged_into_id),
    unknownLicences: licences.filter((l) => !knownNumbers.has(l)),
  })
}

/** Removes the rows an earlier version of the record wrote (a draft saved again, an amendment). */
async function removeRows(trx: Database, id: string) {
  for (const table of [
    'inspection_indicators',
    'inspection_recruiters',
    'inspection_referrals',
    'inspection_follow_ups',
  ] as const)
    await trx.deleteFrom(table).where('inspection_id', '=', id).execute()
}

/** A worksite typed on the inspection form (a farm not yet in the register), audited. */
async function addWorksiteOnTheSpot(trx: Database, actor: Actor, record: InspectionRecord) {
  if (!record.newWorksite) throw new Error('An inspection needs a worksite')
  const added = await insertWorksite(trx, record.newWorksite)
  await writeAudit(trx, actor, {
    action: 'worksite.added',
    entity: 'worksite',
    entityId: added.id,
    after: { ...added, addedWithInspection: record.idempotencyKey },
  })
  return added.id
}

/**
 * Saves an inspection as a draft or submits it. The record is found by its idempotency key: a
 * draft saved again is replaced, a submitted one is never changed (a resend, a second tab).
 * Submitting locks it and turns fees and linked indicators into internal findings on the
 * agencies. A new record for a registered worksite, the common case, is written in one
 * statement with others arriving together; the rest (a key seen before, a worksite added on the
 * spot) take a transaction.
 */
export async function saveInspection(
  db: Database,
  actor: Actor & { id: string },
  record: InspectionRecord,
): Promise<SaveResult> {
  if (record.worksiteId) {
    const written = await writeNewRecord({
      db,
      actor,
      record,
      options: {
        worksiteId: record.worksiteId,
        existingId: null,
        addToFacts: true,
        auditAction: auditActionOf(record),
      },
    })
    if (written.id) return { saved: record.action === 'submit' ? 'submitted' : 'draft', id: written.id }
    const refused = refusalOf(record, written)
    if (refused) return { refused }
  }
  return db.transaction().execute((trx) => saveUnderKey(trx, actor, record))
}

const auditActionOf = (record: InspectionRecord) =>
  record.action === 'submit' ? 'inspection.submitted' : 'inspection.draft_saved'

/** Why a record could not be written, by field; null when its key was simply stored already. */
function refusalOf(record: InspectionRecord, written: WriteOutcome): Record<string, string> | null {
  if (!written.worksiteFound) return { worksite_id: 'This worksite is not in the register' }
  if (written.worksiteMerged)
    return { worksite_id: 'This worksite was merged into another one: choose that one instead' }
  if (written.unknownLicences.length === 0) return null
  const refused: Record<string, string> = {}
  for (const r of record.recruiters)
    if (r.licence && written.unknownLicences.includes(r.licence))
      refused[`recruiter_${r.row}_licence`] =
        'No agency holds this licence number: check it, or enter the name instead'
  return refused
}

async function saveUnderKey(
  trx: Database,
  actor: Actor & { id: string },
  record: InspectionRecord,
): Promise<SaveResult> {
  // Saves under one key wait for each other, so a resend that adds its worksite on the spot
  // finds the first one's record (and worksite) instead of adding the worksite again.
  await sql`select pg_advisory_xact_lock(hashtext(${record.idempotencyKey}))`.execute(trx)
  const existing = await trx
    .selectFrom('inspections')
    .select(['id', 'status', 'worksite_id'])
    .where('idempotency_key', '=', record.idempotencyKey)
    .executeTakeFirst()
  if (existing?.status === 'submitted') return { saved: 'unchanged', id: existing.id }
  const knownWorksite = record.worksiteId ?? existing?.worksite_id ?? null
  const refused = await refusalBeforeWriting(trx, record, knownWorksite)
  if (refused) return { refused }
  const worksiteId = knownWorksite ?? (await addWorksiteOnTheSpot(trx, actor, record))
  if (existing) {
    const submitting = record.action === 'submit'
    await trx
      .updateTable('inspections')
      .set({
        ...columnsOf(record, worksiteId),
        police_officers: JSON.stringify(record.policeOfficers),
        status: submitting ? 'submitted' : 'draft',
        submitted_at: submitting ? new Date() : null,
        submitted_by: submitting ? actor.id : null,
        version: (eb) => eb('version', '+', 1),
        updated_at: new Date(),
      })
      .where('id', '=', existing.id)
      .execute()
    await removeRows(trx, existing.id)
  }
  const written = await writeRecord(trx, actor, record, {
    worksiteId,
    existingId: existing?.id ?? null,
    // A draft was never counted: submitting it counts it now.
    addToFacts: true,
    auditAction: auditActionOf(record),
  })
  if (!written.id) throw new Error('An inspection checked under its key could not be written')
  return { saved: record.action === 'submit' ? 'submitted' : 'draft', id: written.id }
}

export type AmendResult = { amended: true } | { stale: true } | { refused: Record<string, string> }

/**
 * Corrects a submitted inspection: the record as it stood is kept in inspection_amendments
 * with the reason, beside the corrected one, and the change is audited. Findings already
 * raised stay (an officer may have decided them); new ones are raised for agencies added.
 */
export async function amendInspection(
  trx: Database,
  actor: Actor & { id: string },
  id: string,
  version: number,
  reason: string,
  record: InspectionRecord,
): Promise<AmendResult> {
  const before = await inspectionDetails(trx, id)
  if (before?.inspection.status !== 'submitted' || before.inspection.version !== version)
    return { stale: true }
  const refused = await refusalBeforeWriting(trx, record, before.inspection.worksite_id)
  if (refused) return { refused }
  const updated = await trx
    .updateTable('inspections')
    .set({
      ...columnsOf(record, before.inspection.worksite_id),
      police_officers: JSON.stringify(record.policeOfficers),
      version: (eb) => eb('version', '+', 1),
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst()
  if (Number(updated.numUpdatedRows) !== 1) return { stale: true }
  await removeRows(trx, id)
  await writeRecord(trx, actor, record, {
    worksiteId: before.inspection.worksite_id,
    existingId: id,
    addToFacts: false,
    auditAction: null,
  })
  await refreshWorksiteFacts(trx, before.inspection.worksite_id)
  const after = await inspectionDetails(trx, id)
  await trx
    .insertInto('inspection_amendments')
    .values({
      inspection_id: id,
      reason,
      before: JSON.stringify(before),
      after: JSON.stringify(after),
      amended_by: actor.id,
      amended_by_label: actor.label,
    })
    .execute()
  await writeAudit(trx, actor, {
    action: 'inspection.amended',
    entity: 'inspection',
    entityId: id,
    before,
    after: { ...after, reason },
  })
  return { amended: true }
}

/** One inspection with everything recorded, for its page. */
export async function inspectionDetails(db: Database, id: string) {
  const inspection = await db
    .selectFrom('inspections')
    .innerJoin('worksites', 'worksites.id', 'inspections.worksite_id')
    .selectAll('inspections')
    .select(['worksites.name as worksite_name', 'worksites.district as worksite_district'])
    .where('inspections.id', '=', id)
    .executeTakeFirst()
  if (!inspection) return null
  const [indicators, recruiters, referrals, followUps, findings, amendments] = await Promise.all([
    db.selectFrom('inspection_indicators').selectAll().where('inspection_id', '=', id).execute(),
    db
      .selectFrom('inspection_recruiters')
      .leftJoin('agencies', 'agencies.id', 'inspection_recruiters.agency_id')
      .leftJoin('licences', 'licences.agency_id', 'inspection_recruiters.agency_id')
      .selectAll('inspection_recruiters')
      .select(['agencies.legal_name', 'licences.licence_number'])
      .where('inspection_id', '=', id)
      .orderBy('position')
      .execute(),
    db.selectFrom('inspection_referrals').selectAll().where('inspection_id', '=', id).execute(),
    db
      .selectFrom('inspection_follow_ups')
      .selectAll()
      .where('inspection_id', '=', id)
      .orderBy('due_on')
      .execute(),
    db
      .selectFrom('inspection_findings')
      .innerJoin('agencies', 'agencies.id', 'inspection_findings.agency_id')
      .selectAll('inspection_findings')
      .select('agencies.legal_name')
      .where('inspection_id', '=', id)
      .execute(),
    db
      .selectFrom('inspection_amendments')
      .select(['id', 'reason', 'amended_by_label', 'amended_at'])
      .where('inspection_id', '=', id)
      .orderBy('amended_at')
      .execute(),
  ])
  return { inspection, indicators, recruiters, referrals, followUps, findings, amendments }
}
export type InspectionDetails = NonNullable<Awaited<ReturnType<typeof inspectionDetails>>>

/** A worksite's inspections, newest first. */
export function inspectionsOfWorksite(db: Database, worksiteId: string) {
  return db
    .selectFrom('inspections')
    .select(['id', 'visited_at', 'type', 'status', 'outcome', 'lead_inspector'])
    .where('worksite_id', '=', worksiteId)
    .orderBy('visited_at', 'desc')
    .limit(50)
    .execute()
}

/**
 * Follow-ups not yet done, oldest due first: for one worksite, or for an inspector (the
 * inspections they recorded, and any at worksites in their home district). Only submitted
 * inspections count: a draft's follow-ups are not yet promised to anyone.
 */
export function openFollowUps(
  db: Database,
  scope: { worksiteId: string } | { userId: string; district: District },
) {
  let q = db
    .selectFrom('inspection_follow_ups')
    .innerJoin('inspections', 'inspections.id', 'inspection_follow_ups.inspection_id')
    .innerJoin('worksites', 'worksites.id', 'inspections.worksite_id')
    .select([
      'inspection_follow_ups.id',
      'inspection_follow_ups.action',
      'inspection_follow_ups.due_on',
      'inspections.id as inspection_id',
      'inspections.visited_at',
      'worksites.id as worksite_id',
      'worksites.name as worksite_name',
    ])
    .where('inspection_follow_ups.done_at', 'is', null)
    .where('inspections.status', '=', 'submitted')
  q =
    'worksiteId' in scope
      ? q.where('inspections.worksite_id', '=', scope.worksiteId)
      : q.where((eb) =>
          eb.or([
            eb('inspections.recorded_by', '=', scope.userId),
            eb('worksites.district', '=', scope.district),
          ]),
        )
  return q.orderBy('inspection_follow_ups.due_on').limit(100).execute()
}
export type OpenFollowUp = Awaited<ReturnType<typeof openFollowUps>>[number]

/** Marks a follow-up done; false when it was already done (or does not exist). */
export async function markFollowUpDone(trx: Database, actor: Actor & { id: string }, id: string) {
  const done = await trx
    .updateTable('inspection_follow_ups')
    .set({ done_at: new Date(), done_by: actor.id })
    .where('id', '=', id)
    .where('done_at', 'is', null)
    .returningAll()
    .executeTakeFirst()
  if (!done) return null
  await writeAudit(trx, actor, {
    action: 'inspection.follow_up_done',
    entity: 'inspection',
    entityId: done.inspection_id,
    after: { followUp: id, action: done.action, due_on: done.due_on },
  })
  return done
}

/** The recruiters inspections found supplying a worksite: agencies and unlisted names, latest visit first. */
export function recruitersSeenAt(db: Database, worksiteId: string) {
  return db
    .selectFrom('inspection_recruiters as r')
    .innerJoin('inspections as i', 'i.id', 'r.inspection_id')
    .leftJoin('agencies as a', 'a.id', 'r.agency_id')
    .select((eb) => [
      'r.agency_id',
      'a.legal_name',
      'r.unlisted_name',
      eb.fn.max('i.visited_at').as('last_seen'),
      eb.fn.count<number>('r.inspection_id').distinct().as('inspections'),
      eb.fn.sum<number>('r.workers_paying').as('workers_paying'),
    ])
    .where('i.worksite_id', '=', worksiteId)
    .where('i.status', '=', 'submitted')
    .groupBy(['r.agency_id', 'a.legal_name', 'r.unlisted_name'])
    .orderBy('last_seen', 'desc')
    .limit(50)
    .execute()
}
export type RecruiterSeen = Awaited<ReturnType<typeof recruitersSeenAt>>[number]
