import { sql } from 'kysely'
import { idNumberKey } from '../agencies/schemas.js'
import { type Actor, writeAudit } from '../audit/audit.js'
import type { Database } from '../db/database.js'
import type { District } from '../vocabulary.js'
import {
  canChangeParties,
  canOverturn,
  canRecordSuspectVerdict,
  isPerson,
  type SuspectKind,
  VERDICT_LABELS,
  type Verdict,
} from './parties.js'
import type { SuspectInput, VictimsInput } from './schemas.js'
import type { CaseActor, CaseStage } from './stages.js'

// The suspects and potential victims of a case, and the court's ruling on each suspect. Every
// change locks the case row, checks the version the page was opened at, and moves the case's
// version on, so two people working on one case never overwrite each other unseen.

export type PartyResult =
  | { ok: true; created: boolean }
  | { ok: false; conflict: true }
  | { ok: false; conflict: false; reason: string }
  | { ok: false; field: string; message: string }

/** The case, locked for this change, when the page was opened at its present version. */
async function lockCase(trx: Database, id: string, version: number) {
  const found = await trx
    .selectFrom('criminal_cases')
    .select(['id', 'stage', 'district', 'version'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirstOrThrow()
  return found.version === version
    ? { ...found, stage: found.stage as CaseStage, district: found.district as District }
    : null
}

const bumpVersion = (trx: Database, id: string) =>
  trx
    .updateTable('criminal_cases')
    .set((eb) => ({ version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute()

/**
 * The agency named by its licence number, its registration number or its registered name;
 * 'several' when more than one has that name (its licence or registration number tells them apart).
 */
export async function agencyNamedBy(db: Database, typed: string) {
  const byNumber = await db
    .selectFrom('agencies')
    .leftJoin('licences', 'licences.agency_id', 'agencies.id')
    .select(['agencies.id', 'agencies.legal_name'])
    .where((eb) =>
      eb.or([
        eb('licences.licence_number', '=', typed.trim().toUpperCase()),
        eb(sql`upper(agencies.registration_number)`, '=', typed.trim().toUpperCase()),
      ]),
    )
    .executeTakeFirst()
  if (byNumber) return byNumber
  const byName = await db
    .selectFrom('agencies')
    .select(['id', 'legal_name'])
    .where(sql<boolean>`lower(legal_name) = lower(${typed.trim()})`)
    .limit(2)
    .execute()
  return byName.length === 1 ? byName[0]! : byName.length > 1 ? ('several' as const) : null
}

/**
 * Before a suspect or a group of victims is added: a form sent again names what it added; the
 * case is locked at the version the page was opened at; and the person may add to it now.
 * Null: go on.
 */
async function beforeAdding(
  trx: Database,
  table: 'case_suspects' | 'case_victims',
  who: CaseActor,
  caseId: string,
  input: { submission_key: string; version: number },
  what: 'Suspects' | 'Victims',
): Promise<PartyResult | null> {
  const earlier = await trx
    .selectFrom(table)
    .select('id')
    .where('submission_key', '=', input.submission_key)
    .executeTakeFirst()
  if (earlier) return { ok: true, created: false }
  const k = await lockCase(trx, caseId, input.version)
  if (!k) return { ok: false, conflict: true }
  if (!canChangeParties(k.stage, who, k.district))
    return {
      ok: false,
      conflict: false,
      reason: `${what} cannot be added to this case at its present stage, or by you.`,
    }
  return null
}

export async function addSuspect(
  trx: Database,
  actor: Actor,
  who: CaseActor,
  caseId: string,
  input: SuspectInput,
): Promise<PartyResult> {
  const settled = await beforeAdding(trx, 'case_suspects', who, caseId, input, 'Suspects')
  if (settled) return settled
  const kind: SuspectKind = input.kind
  let agency: { id: string; legal_name: string } | null = null
  if (kind === 'agency' || kind === 'agency_person') {
    const named = await agencyNamedBy(trx, input.agency!)
    if (named === 'several')
      return {
        ok: false,
        field: 'agency',
        message: 'Several agencies have this name: give its licence number or registration number instead',
      }
    if (!named)
      return {
        ok: false,
        field: 'agency',
        message:
          'No agency has this licence number, registration number or registered name: check it on the agency’s page',
      }
    agency = named
  }
  if (kind === 'agency') {
    const already = await trx
      .selectFrom('case_suspects')
      .select('id')
      .where('case_id', '=', caseId)
      .where('kind', '=', 'agency')
      .where('agency_id', '=', agency!.id)
      .executeTakeFirst()
    if (already)
      return { ok: false, field: 'agency', message: 'This agency is already a suspect in this case' }
  }
  const person = isPerson(kind)
  const key = person && input.id_number ? idNumberKey(input.id_number) || null : null
  // A principal or director is one the register lists for the agency (by ID number, else by
  // name): the conviction of one then counts against the agency.
  const registered =
    kind === 'agency_person' && input.agency_link !== 'staff'
      ? await trx
          .selectFrom('agency_people')
          .select('id')
          .where('agency_id', '=', agency!.id)
          .where('role', '=', input.agency_link as 'principal' | 'director')
          .where((eb) =>
            key
              ? eb('id_number_key', '=', key)
              : eb(sql`lower(name)`, '=', (input.name ?? '').trim().toLowerCase()),
          )
          .executeTakeFirst()
      : undefined
  if (kind === 'agency_person' && input.agency_link !== 'staff' && !registered)
    return {
      ok: false,
      field: key ? 'id_number' : 'name',
      message: `The register lists no ${input.agency_link} of ${agency!.legal_name} with this ${key ? 'ID number' : 'name'}: check the agency’s page, or choose “Staff”`,
    }
  const inserted = await trx
    .insertInto('case_suspects')
    .values({
      case_id: caseId,
      kind,
      agency_id: agency?.id ?? null,
      agency_link: kind === 'agency_person' ? input.agency_link! : null,
      agency_person_id: registered?.id ?? null,
      name: kind === 'agency' ? agency!.legal_name : input.name!,
      role: input.role,
      sex: person ? input.sex! : null,
      age_group: person ? input.age_group! : null,
      nationality: person ? input.nationality! : null,
      id_number: person ? (input.id_number ?? null) : null,
      id_number_key: key,
      added_by: actor.id,
      submission_key: input.submission_key,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
  await bumpVersion(trx, caseId)
  await writeAudit(trx, actor, {
    action: 'criminal_case.suspect_added',
    entity: 'criminal_case',
    entityId: caseId,
    after: inserted,
  })
  return { ok: true, created: true }
}

export async function addVictims(
  trx: Database,
  actor: Actor,
  who: CaseActor,
  caseId: string,
  input: VictimsInput,
): Promise<PartyResult> {
  const settled = await beforeAdding(trx, 'case_victims', who, caseId, input, 'Victims')
  if (settled) return settled
  const { version: _version, ...group } = input
  const inserted = await trx
    .insertInto('case_victims')
    .values({ case_id: caseId, ...group, added_by: actor.id })
    .returningAll()
    .executeTakeFirstOrThrow()
  await bumpVersion(trx, caseId)
  await writeAudit(trx, actor, {
    action: 'criminal_case.victims_added',
    entity: 'criminal_case',
    entityId: caseId,
    after: inserted,
  })
  return { ok: true, created: true }
}

export interface SuspectVerdict {
  verdict: Verdict
  verdict_on: string
  prison_months: number | null
  prison_suspended: boolean | null
  fine_minor: number | null
}

/** The court's ruling on one suspect of a case in court. */
export async function recordSuspectVerdict(
  trx: Database,
  actor: Actor,
  who: CaseActor,
  ids: { caseId: string; suspectId: string; version: number },
  ruling: SuspectVerdict,
): Promise<PartyResult> {
  const k = await lockCase(trx, ids.caseId, ids.version)
  if (!k) return { ok: false, conflict: true }
  if (!canRecordSuspectVerdict(k.stage, who))
    return {
      ok: false,
      conflict: false,
      reason: 'A suspect’s verdict is recorded by the prosecutor while the case is in court.',
    }
  const before = await suspectOf(trx, ids)
  if (!before) return { ok: false, conflict: false, reason: 'This suspect is not in this case.' }
  const charged = await trx
    .selectFrom('criminal_cases')
    .select('charged_on')
    .where('id', '=', ids.caseId)
    .executeTakeFirstOrThrow()
  if (charged.charged_on && ruling.verdict_on < charged.charged_on)
    return { ok: false, field: 'verdict_on', message: 'The ruling cannot be before the charge' }
  const after = await trx
    .updateTable('case_suspects')
    .set(ruling)
    .where('id', '=', ids.suspectId)
    .returningAll()
    .executeTakeFirstOrThrow()
  await bumpVersion(trx, ids.caseId)
  await caseEvent(trx, actor, ids.caseId, k.stage, {
    action: 'suspect_verdict',
    on: ruling.verdict_on,
    reason: `${before.name}: ${VERDICT_LABELS[ruling.verdict]}`,
  })
  await writeAudit(trx, actor, {
    action: 'criminal_case.suspect_verdict',
    entity: 'criminal_case',
    entityId: ids.caseId,
    before,
    after,
  })
  return { ok: true, created: false }
}

/** A conviction overturned on appeal: it no longer shows on the agency's pages, at once. */
export async function overturnConviction(
  trx: Database,
  actor: Actor,
  who: CaseActor,
  ids: { caseId: string; suspectId: string; version: number },
  appeal: { overturned_on: string; reason: string },
): Promise<PartyResult> {
  const k = await lockCase(trx, ids.caseId, ids.version)
  if (!k) return { ok: false, conflict: true }
  const before = await suspectOf(trx, ids)
  if (!before) return { ok: false, conflict: false, reason: 'This suspect is not in this case.' }
  if (!canOverturn(before, who))
    return {
      ok: false,
      conflict: false,
      reason: 'Only a standing conviction can be overturned, by the prosecutor.',
    }
  if (appeal.overturned_on < before.verdict_on!)
    return {
      ok: false,
      field: 'overturned_on',
      message: 'The appeal judgment cannot be before the conviction',
    }
  const after = await trx
    .updateTable('case_suspects')
    .set({ overturned_on: appeal.overturned_on, overturned_reason: appeal.reason })
    .where('id', '=', ids.suspectId)
    .returningAll()
    .executeTakeFirstOrThrow()
  await bumpVersion(trx, ids.caseId)
  await caseEvent(trx, actor, ids.caseId, k.stage, {
    action: 'conviction_overturned',
    on: appeal.overturned_on,
    reason: `${before.name}: ${appeal.reason}`,
  })
  await writeAudit(trx, actor, {
    action: 'criminal_case.conviction_overturned',
    entity: 'criminal_case',
    entityId: ids.caseId,
    before,
    after,
  })
  return { ok: true, created: false }
}

/** A step in the case's history that does not move its stage (a ruling on one suspect, an appeal). */
function caseEvent(
  trx: Database,
  actor: Actor,
  caseId: string,
  stage: CaseStage,
  e: { action: string; on: string; reason: string },
) {
  return trx
    .insertInto('criminal_case_events')
    .values({
      case_id: caseId,
      action: e.action,
      from_stage: stage,
      to_stage: stage,
      on_date: e.on,
      reason: e.reason,
      actor_id: actor.id,
      actor_label: actor.label,
    })
    .execute()
}

function suspectOf(db: Database, ids: { caseId: string; suspectId: string }) {
  return db
    .selectFrom('case_suspects')
    .selectAll()
    .where('id', '=', ids.suspectId)
    .where('case_id', '=', ids.caseId)
    .executeTakeFirst()
}

/** A case's suspects, with their agency's name, in the order they were added. */
export function suspectsOf(db: Database, caseId: string) {
  return db
    .selectFrom('case_suspects')
    .leftJoin('agencies', 'agencies.id', 'case_suspects.agency_id')
    .selectAll('case_suspects')
    .select('agencies.legal_name as agency_name')
    .where('case_id', '=', caseId)
    .orderBy('case_suspects.created_at')
    .orderBy('case_suspects.id')
    .execute()
}
export type CaseSuspect = Awaited<ReturnType<typeof suspectsOf>>[number]

export function victimsOf(db: Database, caseId: string) {
  return db
    .selectFrom('case_victims')
    .select(['id', 'sex', 'age_group', 'nationality', 'exploitation', 'people', 'referred_nrm'])
    .where('case_id', '=', caseId)
    .orderBy('created_at')
    .orderBy('id')
    .execute()
}
export type CaseVictims = Awaited<ReturnType<typeof victimsOf>>[number]

/** How many people the inspection a case came from referred (counted with it, not again with the case). */
export async function peopleReferredBy(db: Database, inspectionId: string) {
  const row = await db
    .selectFrom('inspection_referrals')
    .select(
      sql<number>`coalesce(sum(female_under_18 + female_adult + male_under_18 + male_adult), 0)::int`.as(
        'people',
      ),
    )
    .where('inspection_id', '=', inspectionId)
    .executeTakeFirstOrThrow()
  return row.people
}
