import { randomUUID } from 'node:crypto'
import { sql } from 'kysely'
import { type Actor, redact } from '../audit/audit.js'
import type { Database } from '../db/database.js'
import { lesothoInstant } from '../time.js'
import { findingsFromInspection, INDICATORS, REFERRAL_DESTINATIONS } from './rules.js'
import type { InspectionRecord } from './schemas.js'

// An inspection is written by one statement: the record, its indicators, recruiters, referrals
// and follow-ups, the findings it raises, its worksite's facts and the audit entry. One round
// trip instead of a dozen is what lets a district's inspectors send the day's records together
// when the network returns; and a single statement needs no transaction to be all or nothing.

/** The inspection's columns, as jsonb_populate_record reads them into a row. */
const COLUMNS = [
  'worksite_id',
  'visited_at',
  'type',
  'complaint_references',
  'lead_inspector',
  'police_officers',
  'other_agencies',
  'other_agencies_detail',
  'workers_present',
  'workers_interviewed',
  'women',
  'men',
  'under_18',
  'foreign_nationals',
  'nationalities',
  'labour_findings',
  'labour_findings_detail',
  'outcome',
  'compliance_due_on',
  'police_case_number',
  'notes',
  'status',
  'submitted_at',
  'submitted_by',
  'idempotency_key',
  'recorded_by',
] as const

/** The inspection's own columns from the record (not its status or key). */
export function columnsOf(record: InspectionRecord, worksiteId: string) {
  return {
    worksite_id: worksiteId,
    visited_at: lesothoInstant(record.visitedAt),
    type: record.type,
    complaint_references: record.complaintReferences,
    lead_inspector: record.leadInspector,
    police_officers: record.policeOfficers,
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
  }
}

export interface WriteOptions {
  worksiteId: string
  /** Null: insert the record, unless its key is already stored. Else: write the rows of this one. */
  existingId: string | null
  /** A first submission adds to its worksite's facts; an amendment recounts them instead. */
  addToFacts: boolean
  /** The audit entry's action; null when the caller writes its own entry. */
  auditAction: string | null
}

export interface WriteOutcome {
  /** Null when nothing was written: see the other fields for why, else the key was stored already. */
  id: string | null
  worksiteFound: boolean
  worksiteMerged: boolean
  unknownLicences: string[]
}

export interface WriteRequest {
  actor: Actor & { id: string }
  record: InspectionRecord
  options: WriteOptions
}

/** One record's part of the statement: its row and its rows in the other tables, by its id. */
function partsOf({ actor, record, options }: WriteRequest) {
  const id = options.existingId ?? randomUUID()
  const submitting = record.action === 'submit'
  const row = {
    ...columnsOf(record, options.worksiteId),
    status: submitting ? 'submitted' : 'draft',
    submitted_at: submitting ? new Date() : null,
    submitted_by: submitting ? actor.id : null,
    idempotency_key: record.idempotencyKey,
    recorded_by: actor.id,
  }
  const indicators = INDICATORS.flatMap((indicator) => {
    const seen = record.indicators[indicator]
    return seen ? [{ inspection_id: id, indicator, level: seen.level, evidence: seen.evidence }] : []
  })
  const recruiters = record.recruiters.map((r, position) => ({
    inspection_id: id,
    position,
    licence: r.licence,
    unlisted_name: r.licence ? null : r.name,
    fee_amount_minor: r.feeAmountMinor,
    fee_currency: r.feeCurrency,
    workers_paying: r.workersPaying,
    indicators: r.indicators,
  }))
  const referrals = REFERRAL_DESTINATIONS.flatMap((destination) => {
    const r = record.referrals[destination]
    return r ? [{ inspection_id: id, destination, ...r, consent_recorded: r.consentRecorded }] : []
  })
  const followUps = record.followUps.map((f) => ({ inspection_id: id, action: f.action, due_on: f.dueOn }))
  // A finding per registered agency, found by its licence number inside the statement.
  const findings = submitting
    ? findingsFromInspection(
        record.recruiters.map((r) => ({
          agencyId: r.licence,
          feeAmountMinor: r.feeAmountMinor,
          indicators: r.indicators,
        })),
        Object.fromEntries(Object.entries(record.indicators).map(([k, v]) => [k, v!.level])),
      ).map((f) => ({
        inspection_id: id,
        licence: f.agencyId,
        categories: f.categories,
        indicators: f.indicators,
        fee_reported: f.feeReported,
      }))
    : []
  const count = (level: 'observed' | 'suspected') => indicators.filter((i) => i.level === level).length
  // What was recorded, in brief: the record itself holds the rest, and stays as submitted
  // (a correction is an amendment with its own entry, before and after).
  const auditAfter = redact({
    idempotency_key: row.idempotency_key,
    worksite_id: row.worksite_id,
    status: row.status,
    visited_at: row.visited_at,
    type: row.type,
    outcome: row.outcome,
    indicators: Object.keys(record.indicators),
    recruiters: recruiters.length,
    findings: findings.length,
  })

  return {
    record: {
      id,
      existing: options.existingId !== null,
      worksite_id: options.worksiteId,
      licences: [...new Set(recruiters.flatMap((r) => (r.licence ? [r.licence] : [])))],
      visited_at: row.visited_at,
      add_to_facts: submitting && options.addToFacts,
      observed: count('observed'),
      suspected: count('suspected'),
      row,
      // The audit entry, as writeAudit would write it (src/audit/audit.ts).
      audit_action: options.auditAction,
      actor_id: actor.id,
      actor_label: actor.label,
      client_address: actor.clientAddress,
      audit_after: auditAfter,
    },
    indicators,
    recruiters,
    referrals,
    followUps,
    findings,
  }
}

const COLUMN_LIST = COLUMNS.join(', ')
const FROM_ROW = COLUMNS.map((c) => `p.${c}`).join(', ')

/**
 * Writes records, each all or nothing, in one statement (so also all together or none). A record
 * is written only if its worksite is in the register and not merged, every licence it names
 * exists, and (for a new one) its key is not stored yet; the outcome says which held.
 */
export async function writeRecords(db: Database, requests: WriteRequest[]): Promise<WriteOutcome[]> {
  const parts = requests.map(partsOf)
  const json = (rows: unknown[]) => JSON.stringify(rows)
  const { rows } = await sql<{
    id: string
    written: boolean
    worksite_found: boolean
    worksite_merged: boolean
    unknown: string[]
  }>`
    with recs as (
      select * from jsonb_to_recordset(${json(parts.map((p) => p.record))}::jsonb) as r(
        id uuid, existing boolean, worksite_id uuid, licences text[], visited_at timestamptz,
        add_to_facts boolean, observed integer, suspected integer, row jsonb, audit_action text,
        actor_id uuid, actor_label text, client_address text, audit_after jsonb)
    ),
    lic as (
      select licence_number, agency_id from licences
      where licence_number in (select unnest(licences) from recs)
    ),
    ready as (
      select r.* from recs r join worksites w on w.id = r.worksite_id and w.merged_into_id is null
      where not exists (
        select 1 from unnest(r.licences) as l(n) where l.n not in (select licence_number from lic))
    ),
    inserted as (
      insert into inspections (id, ${sql.raw(COLUMN_LIST)})
      select ready.id, ${sql.raw(FROM_ROW)}
      from ready cross join lateral jsonb_populate_record(null::inspections, ready.row) as p
      where not ready.existing
      on conflict (idempotency_key) do nothing
      returning id
    ),
    ins as (select id from inserted union all select id from ready where existing),
    ind as (
      insert into inspection_indicators (inspection_id, indicator, level, evidence)
      select x.inspection_id, x.indicator, x.level, x.evidence
      from jsonb_to_recordset(${json(parts.flatMap((p) => p.indicators))}::jsonb)
          as x(inspection_id uuid, indicator text, level text, evidence text)
        join ins on ins.id = x.inspection_id
    ),
    rec as (
      insert into inspection_recruiters (inspection_id, position, agency_id, unlisted_name,
        fee_amount_minor, fee_currency, workers_paying, indicators)
      select x.inspection_id, x.position, lic.agency_id, x.unlisted_name, x.fee_amount_minor,
        x.fee_currency, x.workers_paying, x.indicators
      from jsonb_to_recordset(${json(parts.flatMap((p) => p.recruiters))}::jsonb)
          as x(inspection_id uuid, position integer, licence text, unlisted_name text,
            fee_amount_minor bigint, fee_currency text, workers_paying integer, indicators text[])
        join ins on ins.id = x.inspection_id
        left join lic on lic.licence_number = x.licence
    ),
    ref as (
      insert into inspection_referrals (inspection_id, destination, female_under_18, female_adult,
        male_under_18, male_adult, consent_recorded)
      select x.inspection_id, x.destination, x.female_under_18, x.female_adult, x.male_under_18,
        x.male_adult, x.consent_recorded
      from jsonb_to_recordset(${json(parts.flatMap((p) => p.referrals))}::jsonb)
          as x(inspection_id uuid, destination text, female_under_18 integer, female_adult integer,
            male_under_18 integer, male_adult integer, consent_recorded boolean)
        join ins on ins.id = x.inspection_id
    ),
    fu as (
      insert into inspection_follow_ups (inspection_id, action, due_on)
      select x.inspection_id, x.action, x.due_on
      from jsonb_to_recordset(${json(parts.flatMap((p) => p.followUps))}::jsonb)
          as x(inspection_id uuid, action text, due_on date)
        join ins on ins.id = x.inspection_id
    ),
    fin as (
      insert into inspection_findings (inspection_id, agency_id, categories, indicators, fee_reported)
      select x.inspection_id, lic.agency_id, x.categories, x.indicators, x.fee_reported
      from jsonb_to_recordset(${json(parts.flatMap((p) => p.findings))}::jsonb)
          as x(inspection_id uuid, licence text, categories text[], indicators text[], fee_reported boolean)
        join ins on ins.id = x.inspection_id
        join lic on lic.licence_number = x.licence
      -- Raised once per inspection and agency: an amendment does not raise it again.
      on conflict (inspection_id, agency_id) do nothing
    ),
    counted as (select r.* from recs r join ins on ins.id = r.id where r.add_to_facts),
    facts as (
      update worksites w
      set last_inspected_at = greatest(w.last_inspected_at, f.last_visit),
        indicators_observed = w.indicators_observed + f.observed,
        indicators_suspected = w.indicators_suspected + f.suspected
      from (
        select worksite_id, max(visited_at) as last_visit, sum(observed)::int as observed,
          sum(suspected)::int as suspected
        from counted group by worksite_id
      ) f
      where w.id = f.worksite_id
    ),
    links as (
      insert into worksite_recruiters (worksite_id, agency_id, last_seen_at)
      select c.worksite_id, lic.agency_id, max(c.visited_at)
      from counted c cross join unnest(c.licences) as l(n) join lic on lic.licence_number = l.n
      group by c.worksite_id, lic.agency_id
      on conflict (worksite_id, agency_id)
        do update set last_seen_at = greatest(worksite_recruiters.last_seen_at, excluded.last_seen_at)
    ),
    aud as (
      insert into audit_log (actor_id, actor_label, action, entity, entity_id, after, client_address)
      select r.actor_id, r.actor_label, r.audit_action, 'inspection', r.id, r.audit_after, r.client_address
      from recs r join ins on ins.id = r.id
      where r.audit_action is not null
    )
    select r.id, ins.id is not null as written, w.id is not null as worksite_found,
      w.merged_into_id is not null as worksite_merged,
      array(select n from unnest(r.licences) as l(n) where n not in (select licence_number from lic)) as unknown
    from recs r
      left join ins on ins.id = r.id
      left join worksites w on w.id = r.worksite_id`.execute(db)
  const byId = new Map(rows.map((r) => [r.id, r]))
  return parts.map((p) => {
    const r = byId.get(p.record.id)!
    return {
      id: r.written ? r.id : null,
      worksiteFound: r.worksite_found,
      worksiteMerged: r.worksite_merged,
      unknownLicences: r.unknown,
    }
  })
}

/** One record, in the caller's transaction. */
export async function writeRecord(
  db: Database,
  actor: Actor & { id: string },
  record: InspectionRecord,
  options: WriteOptions,
): Promise<WriteOutcome> {
  const [outcome] = await writeRecords(db, [{ actor, record, options }])
  return outcome!
}

/** New records sent as one statement at most; the rest wait for the next. */
const MAX_BATCH = 100

interface Pending {
  request: WriteRequest
  resolve: (outcome: WriteOutcome) => void
  reject: (error: unknown) => void
}
const queues = new WeakMap<Database, Pending[]>()

/**
 * Writes a new record together with the others that reach this server in the same turn of its
 * event loop (an office's inspectors back in signal at once): one round trip and one commit for
 * the lot, as public complaints are (src/complaints/intake.ts). A statement that fails writes
 * none of them, and each sender gets the error.
 */
export function writeNewRecord(request: WriteRequest & { db: Database }): Promise<WriteOutcome> {
  const { db } = request
  return new Promise((resolve, reject) => {
    let queue = queues.get(db)
    if (!queue) {
      const pending: Pending[] = []
      queue = pending
      queues.set(db, pending)
      setImmediate(() => {
        queues.delete(db)
        for (let i = 0; i < pending.length; i += MAX_BATCH)
          void writeBatch(db, pending.slice(i, i + MAX_BATCH))
      })
    }
    queue.push({ request, resolve, reject })
  })
}

async function writeBatch(db: Database, batch: Pending[]) {
  try {
    const outcomes = await writeRecords(
      db,
      batch.map((p) => p.request),
    )
    for (const [i, p] of batch.entries()) p.resolve(outcomes[i]!)
  } catch (error) {
    for (const p of batch) p.reject(error)
  }
}
