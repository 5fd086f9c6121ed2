import { createHash } from 'node:crypto'
import { sql } from 'kysely'
import { type Actor, writeAudit } from '../audit/audit.js'
import type { Database } from '../db/database.js'
import { lesothoInstant } from '../time.js'
import { insertWorksite } from '../worksites/queries.js'
import { inspectionDetails } from './queries.js'
import { findingsFromInspection, INDICATORS, REFERRAL_DESTINATIONS } from './rules.js'
import type { InspectionRecord } from './schemas.js'
import { addToWorksiteFacts, refreshWorksiteFacts } from './worksite-facts.js'

// Saving an inspection, the one way: each record in its own transaction, so one person's bad
// record can never fail another's. A record is found by its idempotency key (made on the
// device, or when the online form was opened): saves under one key wait for each other, a draft
// saved again is replaced, a submitted record is never changed by a resend.

export type SaveResult =
  | { saved: 'draft' | 'submitted'; id: string }
  /** The key was already submitted with this content: the resend changes nothing. */
  | { saved: 'unchanged'; id: string }
  /** The key was already submitted with other content: nothing changes, and the sender is told. */
  | { differs: true; id: string }
  | { refused: Record<string, string> }

/** What a record holds, whatever its key and whether it is sent as a draft or submitted. */
export function contentHash(record: InspectionRecord): string {
  const { idempotencyKey: _key, action: _action, position, ...content } = record
  // A record without a position hashes as records did before positions were kept, so a device's
  // resend of one of those is still the same record.
  return createHash('sha256')
    .update(JSON.stringify(position ? { ...content, position } : content))
    .digest('base64url')
}

type Writer = Actor & { id: string }

/** The inspection's own columns from the record (not its status or key). */
function columnsOf(record: InspectionRecord, worksiteId: string) {
  return {
    worksite_id: worksiteId,
    visited_at: lesothoInstant(record.visitedAt),
    type: record.type,
    complaint_references: record.complaintReferences,
    lead_inspector: record.leadInspector,
    police_officers: JSON.stringify(record.policeOfficers),
    other_agencies: record.otherAgencies,
    other_agencies_detail: record.otherAgenciesDetail,
    ...record.headcounts,
    nationalities: record.nationalities,
    labour_findings: record.labourFindings,
    labour_findings_detail: record.labourFindingsDetail,
    outcome: record.outcome,
    compliance_due_on: record.complianceDueOn,
    police_case_number: record.policeCaseNumber,
    notes: record.notes,
    recorded_latitude: record.position?.latitude ?? null,
    recorded_longitude: record.position?.longitude ?? null,
    recorded_accuracy_m: record.position?.accuracyMetres ?? null,
  }
}

/**
 * The agency behind each licence the record names and the worksite it is stored against, or why
 * the record cannot be written as it is (a worksite not in the register, a licence no agency
 * holds), by field. A worksite merged into another (added twice, then merged while this record
 * waited on a device) is followed to the one kept. One statement: worksite and licences together.
 */
async function checkReferences(
  trx: Database,
  record: InspectionRecord,
  /** Null when the worksite is being added with the record. */
  worksiteId: string | null,
): Promise<
  { agencies: Map<string, string>; worksiteId: string | null } | { refused: Record<string, string> }
> {
  const licences = record.recruiters.flatMap((r) => (r.licence ? [r.licence] : []))
  const {
    rows: [found],
  } = await sql<{
    kept: string | null
    known: { licence_number: string; agency_id: string }[]
  }>`
    with recursive chain as (
      select id, merged_into_id, 0 as depth from worksites where id = ${worksiteId}::uuid
      union all
      select w.id, w.merged_into_id, c.depth + 1 from worksites w join chain c on w.id = c.merged_into_id
      where c.depth < 20
    )
    select
      (select id from chain where merged_into_id is null limit 1) as kept,
      coalesce((select json_agg(json_build_object('licence_number', licence_number, 'agency_id', agency_id))
        from licences where licence_number = any(${licences}::text[])), '[]'::json) as known`.execute(trx)
  if (worksiteId && !found!.kept) return { refused: { worksite_id: 'This worksite is not in the register' } }
  const agencies = new Map(found!.known.map((l) => [l.licence_number, l.agency_id]))
  const refused: Record<string, string> = {}
  for (const r of record.recruiters)
    if (r.licence && !agencies.has(r.licence))
      refused[`recruiter_${r.row}_licence`] =
        'No agency holds this licence number: check it, or enter the name instead'
  return Object.keys(refused).length > 0 ? { refused } : { agencies, worksiteId: found!.kept }
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

const CHILD_TABLES = [
  'inspection_indicators',
  'inspection_recruiters',
  'inspection_referrals',
  'inspection_follow_ups',
] as const

/** The record's rows in the other tables: what was seen, who supplied the workers, referrals, follow-ups. */
async function writeRows(trx: Database, id: string, record: InspectionRecord, agencies: Map<string, string>) {
  const indicators = INDICATORS.flatMap((indicator) => {
    const seen = record.indicators[indicator]
    return seen ? [{ inspection_id: id, indicator, level: seen.level, evidence: seen.evidence }] : []
  })
  const recruiters = record.recruiters.map((r, position) => ({
    inspection_id: id,
    position,
    agency_id: r.licence ? agencies.get(r.licence)! : null,
    unlisted_name: r.licence ? null : r.name,
    fee_amount_minor: r.feeAmountMinor,
    fee_currency: r.feeCurrency,
    workers_paying: r.workersPaying,
    indicators: r.indicators,
  }))
  const referrals = REFERRAL_DESTINATIONS.flatMap((destination) => {
    const r = record.referrals[destination]
    if (!r) return []
    const { consentRecorded, ...counts } = r
    return [{ inspection_id: id, destination, ...counts, consent_recorded: consentRecorded }]
  })
  const followUps = record.followUps.map((f) => ({ inspection_id: id, action: f.action, due_on: f.dueOn }))
  if (indicators.length) await trx.insertInto('inspection_indicators').values(indicators).execute()
  if (recruiters.length) await trx.insertInto('inspection_recruiters').values(recruiters).execute()
  if (referrals.length) await trx.insertInto('inspection_referrals').values(referrals).execute()
  if (followUps.length) await trx.insertInto('inspection_follow_ups').values(followUps).execute()
}

/** Fees and linked indicators become internal findings on the agencies, once per inspection and agency. */
async function raiseFindings(
  trx: Database,
  id: string,
  record: InspectionRecord,
  agencies: Map<string, string>,
): Promise<number> {
  const levels = Object.fromEntries(Object.entries(record.indicators).map(([k, v]) => [k, v!.level]))
  const findings = findingsFromInspection(
    record.recruiters.map((r) => ({
      agencyId: r.licence ? agencies.get(r.licence)! : null,
      feeAmountMinor: r.feeAmountMinor,
      indicators: r.indicators,
    })),
    levels,
  )
  if (findings.length === 0) return 0
  await trx
    .insertInto('inspection_findings')
    .values(
      findings.map((f) => ({
        inspection_id: id,
        agency_id: f.agencyId,
        categories: f.categories,
        indicators: f.indicators,
        fee_reported: f.feeReported,
      })),
    )
    // An amendment does not raise a finding again (an officer may already have decided it).
    .onConflict((oc) => oc.columns(['inspection_id', 'agency_id']).doNothing())
    .execute()
  return findings.length
}

/** The record already stored under a key, locked against other saves under it. */
const storedUnder = (trx: Database, key: string) =>
  trx
    .selectFrom('inspections')
    .select(['id', 'status', 'worksite_id', 'recorded_by', 'content_hash'])
    .where('idempotency_key', '=', key)
    .forUpdate()
    .executeTakeFirst()

/** A key already submitted: the same record again changes nothing; another one is told so. */
function resent(stored: { id: string; content_hash: string | null }, record: InspectionRecord): SaveResult {
  if (stored.content_hash && stored.content_hash !== contentHash(record))
    return { differs: true, id: stored.id }
  return { saved: 'unchanged', id: stored.id }
}

/**
 * Saves an inspection as a draft or submits it, in its own transaction. Submitting locks it,
 * turns fees and linked indicators into internal findings on the agencies and adds it to its
 * worksite's facts. A draft belongs to the person who started it: nobody else may continue it.
 */
export function saveInspection(db: Database, actor: Writer, record: InspectionRecord): Promise<SaveResult> {
  return db.transaction().execute(async (trx): Promise<SaveResult> => {
    const key = record.idempotencyKey
    // A new record for a registered worksite, the common case, goes straight in; its key, unique,
    // makes a resend or a second tab wait for the first and then find it.
    if (record.worksiteId) {
      const checked = await checkReferences(trx, record, record.worksiteId)
      if ('refused' in checked) {
        // A record already stored (its reply lost) is still the same record.
        const earlier = await storedUnder(trx, key)
        return earlier?.status === 'submitted' ? resent(earlier, record) : checked
      }
      const state = stateOf(record, checked.worksiteId!, actor)
      const inserted = await trx
        .insertInto('inspections')
        .values({ ...state, idempotency_key: key, recorded_by: actor.id })
        .onConflict((oc) => oc.column('idempotency_key').doNothing())
        .returning('id')
        .executeTakeFirst()
      if (inserted) return writeTheRest(trx, actor, record, inserted.id, state, checked.agencies)
    } else {
      // Saves under one key wait for each other, so a resend that adds its worksite on the spot
      // finds the first one's record (and worksite) instead of adding the worksite again.
      await sql`select pg_advisory_xact_lock(hashtext(${key}))`.execute(trx)
    }
    const existing = await storedUnder(trx, key)
    if (existing?.status === 'submitted') return resent(existing, record)
    if (existing && existing.recorded_by !== actor.id)
      return { refused: { idempotency_key: 'This draft belongs to someone else: open a new form' } }
    const knownWorksite = record.worksiteId ?? existing?.worksite_id ?? null
    const checked = await checkReferences(trx, record, knownWorksite)
    if ('refused' in checked) return checked
    const worksiteId = checked.worksiteId ?? (await addWorksiteOnTheSpot(trx, actor, record))
    const state = stateOf(record, worksiteId, actor)
    if (!existing) {
      const inserted = await trx
        .insertInto('inspections')
        .values({ ...state, idempotency_key: key, recorded_by: actor.id })
        .returning('id')
        .executeTakeFirstOrThrow()
      return writeTheRest(trx, actor, record, inserted.id, state, checked.agencies)
    }
    // A draft saved again (or submitted): replaced whole.
    await trx
      .updateTable('inspections')
      .set({ ...state, version: (eb) => eb('version', '+', 1), updated_at: new Date() })
      .where('id', '=', existing.id)
      .execute()
    for (const table of CHILD_TABLES)
      await trx.deleteFrom(table).where('inspection_id', '=', existing.id).execute()
    return writeTheRest(trx, actor, record, existing.id, state, checked.agencies)
  })
}

/** The record's own row as it is saved: its columns, draft or submitted. */
function stateOf(record: InspectionRecord, worksiteId: string, actor: Writer) {
  const submitting = record.action === 'submit'
  return {
    ...columnsOf(record, worksiteId),
    // Only a new record or a draft lists its photos: an amendment keeps the list it had, and adds
    // photos from the record page (a photo is never taken off a submitted record).
    expected_photos: JSON.stringify(
      record.photos.map((p) => ({ sha256: p.sha256, attached_to: p.attachedTo })),
    ),
    content_hash: contentHash(record),
    status: submitting ? ('submitted' as const) : ('draft' as const),
    submitted_at: submitting ? new Date() : null,
    submitted_by: submitting ? actor.id : null,
  }
}

/** Everything beside the record's own row: its rows, findings, the worksite's facts, the audit entry. */
async function writeTheRest(
  trx: Database,
  actor: Writer,
  record: InspectionRecord,
  id: string,
  state: ReturnType<typeof stateOf>,
  agencies: Map<string, string>,
): Promise<SaveResult> {
  const submitting = state.status === 'submitted'
  await writeRows(trx, id, record, agencies)
  const findings = submitting ? await raiseFindings(trx, id, record, agencies) : 0
  if (submitting)
    await addToWorksiteFacts(trx, state.worksite_id, {
      at: state.visited_at,
      observed: Object.values(record.indicators).filter((i) => i?.level === 'observed').length,
      suspected: Object.values(record.indicators).filter((i) => i?.level === 'suspected').length,
      agencyIds: record.recruiters.flatMap((r) => (r.licence ? [agencies.get(r.licence)!] : [])),
    })
  // What was recorded, in brief: the record itself holds the rest, and stays as submitted (a
  // correction is an amendment with its own entry, before and after).
  await writeAudit(trx, actor, {
    action: submitting ? 'inspection.submitted' : 'inspection.draft_saved',
    entity: 'inspection',
    entityId: id,
    after: {
      idempotency_key: record.idempotencyKey,
      worksite_id: state.worksite_id,
      status: state.status,
      visited_at: state.visited_at,
      type: record.type,
      outcome: record.outcome,
      indicators: Object.keys(record.indicators),
      recruiters: record.recruiters.length,
      findings,
    },
  })
  return { saved: submitting ? 'submitted' : 'draft', id }
}

export type AmendResult = { amended: true } | { stale: true } | { refused: Record<string, string> }

/**
 * Corrects a submitted inspection, in the caller's transaction: the record as it stood is kept in
 * inspection_amendments with the reason, beside the corrected one, and the change is audited.
 * Findings already raised stay (an officer may have decided them); new ones are raised for
 * agencies added.
 */
export async function amendInspection(
  trx: Database,
  actor: Writer,
  id: string,
  version: number,
  reason: string,
  record: InspectionRecord,
): Promise<AmendResult> {
  const before = await inspectionDetails(trx, id)
  if (before?.inspection.status !== 'submitted' || before.inspection.version !== version)
    return { stale: true }
  const worksiteId = before.inspection.worksite_id
  const checked = await checkReferences(trx, record, worksiteId)
  if ('refused' in checked) return checked
  const updated = await trx
    .updateTable('inspections')
    .set({
      ...columnsOf(record, worksiteId),
      version: (eb) => eb('version', '+', 1),
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst()
  if (Number(updated.numUpdatedRows) !== 1) return { stale: true }
  for (const table of CHILD_TABLES) await trx.deleteFrom(table).where('inspection_id', '=', id).execute()
  await writeRows(trx, id, record, checked.agencies)
  await raiseFindings(trx, id, record, checked.agencies)
  await refreshWorksiteFacts(trx, worksiteId)
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
