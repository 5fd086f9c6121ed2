import { sql } from 'kysely'
import { type Actor, writeAudit } from '../audit/audit.js'
import type { Database } from '../db/database.js'
import { formatDate } from '../format.js'
import { offsetOf } from '../http/pagination.js'
import { lesothoDateOf } from '../time.js'
import type { District } from '../vocabulary.js'
import { suggestedCaseNumber } from './case-number.js'
import { caseFactsOf } from './parties.js'
import type { CaseListFilters, OpenCaseInput } from './schemas.js'
import { type CaseAction, type CaseActor, type CaseStage, caseTransition } from './stages.js'

export const CASES_PER_PAGE = 50

export type OpenCaseResult = { ok: true; id: string; created: boolean } | { ok: false; taken: { id: string } }

/**
 * Opens a case, once per form (a resent form names the case it opened). A case number already
 * in the registry is refused with a link to that case.
 */
export async function openCase(trx: Database, actor: Actor, input: OpenCaseInput): Promise<OpenCaseResult> {
  const earlier = await trx
    .selectFrom('criminal_cases')
    .select('id')
    .where('submission_key', '=', input.submission_key)
    .executeTakeFirst()
  if (earlier) return { ok: true, id: earlier.id, created: false }
  const taken = await trx
    .selectFrom('criminal_cases')
    .select('id')
    .where('station', '=', input.station)
    .where('case_year', '=', input.case_year)
    .where('case_number', '=', input.case_number)
    .executeTakeFirst()
  if (taken) return { ok: false, taken }
  const inserted = await trx
    .insertInto('criminal_cases')
    .values({ ...input, stage: 'under_investigation', stage_since: input.opened_on, opened_by: actor.id })
    .onConflict((oc) => oc.column('submission_key').doNothing())
    .returningAll()
    .executeTakeFirst()
  if (!inserted) {
    // The same form, sent twice at once: the other request stored it.
    const other = await trx
      .selectFrom('criminal_cases')
      .select('id')
      .where('submission_key', '=', input.submission_key)
      .executeTakeFirstOrThrow()
    return { ok: true, id: other.id, created: false }
  }
  await trx
    .insertInto('criminal_case_events')
    .values({
      case_id: inserted.id,
      action: 'open',
      from_stage: null,
      to_stage: 'under_investigation',
      on_date: input.opened_on,
      actor_id: actor.id,
      actor_label: actor.label,
    })
    .execute()
  await writeAudit(trx, actor, {
    action: 'criminal_case.opened',
    entity: 'criminal_case',
    entityId: inserted.id,
    after: inserted,
  })
  return { ok: true, id: inserted.id, created: true }
}

/**
 * A case number as it is written elsewhere ("CR 358/09/2026", "Maputsoe 358", "358/2026"): the
 * station's name, or the number (and the year when one is given).
 */
function caseNumberMatches(typed: string) {
  const { case_number, case_year } = suggestedCaseNumber(typed)
  const station = typed.replace(/\bCR\b|[\d/]+/gi, '').trim()
  const escaped = (text: string) => `%${text.replace(/[\\%_]/g, '\\$&')}%`
  return sql<boolean>`(
    (${station} = '' or station ilike ${escaped(station)})
    and (${case_number ?? null}::int is null or case_number = ${case_number ?? null}::int)
    and (${case_year ?? null}::int is null or case_year = ${case_year ?? null}::int)
    and (${station} <> '' or ${case_number ?? null}::int is not null or ${case_year ?? null}::int is not null)
  )`
}

/** Cases by stage, oldest in their stage first, with the days each has waited there. */
export async function caseList(db: Database, filters: CaseListFilters, today: string) {
  const base = db
    .selectFrom('criminal_cases')
    .$if(Boolean(filters.district), (q) => q.where('district', '=', filters.district!))
    .$if(Boolean(filters.stage), (q) => q.where('stage', '=', filters.stage!))
    .$if(Boolean(filters.offence), (q) => q.where(sql<boolean>`${filters.offence} = any(offences)`))
    .$if(Boolean(filters.age), (q) =>
      q
        .where('stage', '<>', 'closed')
        .where('opened_on', '<', sql<string>`${today}::date - ${`${filters.age} months`}::interval`),
    )
    .$if(Boolean(filters.q), (q) => q.where(caseNumberMatches(filters.q!)))
  const [rows, counted] = await Promise.all([
    base
      .select([
        'id',
        'station',
        'case_year',
        'case_number',
        'district',
        'offences',
        'stage',
        'stage_since',
        'investigating_officer',
        sql<number>`(${today}::date - stage_since)`.as('days_in_stage'),
      ])
      // Cases still to be worked first: those with their verdict, or closed, after.
      .orderBy(sql`stage in ('verdict', 'closed')`)
      .orderBy('stage_since')
      .orderBy('id')
      .limit(CASES_PER_PAGE)
      .offset(offsetOf(filters.page, CASES_PER_PAGE))
      .execute(),
    base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ])
  return { rows, total: counted.n }
}
export type CaseRow = Awaited<ReturnType<typeof caseList>>['rows'][number]

/** A case with its history, newest step last. */
export async function caseDetails(db: Database, id: string) {
  const found = await db.selectFrom('criminal_cases').selectAll().where('id', '=', id).executeTakeFirst()
  if (!found) return null
  const events = await db
    .selectFrom('criminal_case_events')
    .select(['id', 'action', 'from_stage', 'to_stage', 'on_date', 'reason', 'actor_label', 'at'])
    .where('case_id', '=', id)
    .orderBy('id')
    .execute()
  return {
    ...found,
    district: found.district as District,
    stage: found.stage as CaseStage,
    events,
    source: await sourceOfCase(db, found),
  }
}

/** What a case was opened from, as a link on its page. */
async function sourceOfCase(
  db: Database,
  k: { complaint_id: string | null; inspection_id: string | null },
): Promise<{ label: string; href: string } | null> {
  if (k.complaint_id) {
    const found = await db
      .selectFrom('complaints')
      .select('reference')
      .where('id', '=', k.complaint_id)
      .executeTakeFirstOrThrow()
    return { label: `Complaint ${found.reference}`, href: `/complaints/${k.complaint_id}` }
  }
  if (k.inspection_id) {
    const found = await db
      .selectFrom('inspections')
      .innerJoin('worksites', 'worksites.id', 'inspections.worksite_id')
      .select([
        'worksites.name',
        sql<string>`${lesothoDateOf('inspections.visited_at')}::text`.as('visited_on'),
      ])
      .where('inspections.id', '=', k.inspection_id)
      .executeTakeFirstOrThrow()
    return {
      label: `Inspection of ${found.name} on ${formatDate(found.visited_on)}`,
      href: `/inspections/${k.inspection_id}`,
    }
  }
  return null
}
export type CaseDetails = NonNullable<Awaited<ReturnType<typeof caseDetails>>>

export interface CaseStepInput {
  id: string
  version: number
  action: CaseAction
  on_date: string
  reason?: string | undefined
  court?: string | undefined
  court_case_number?: string | undefined
}

export type CaseStepResult =
  | { ok: true }
  | { ok: false; conflict: true }
  | { ok: false; conflict: false; reason: string }
  | { ok: false; field: 'on_date'; message: string }

/** Takes one step of a case at the version the officer saw: the row, its event and the audit entry together. */
export async function takeCaseStep(
  trx: Database,
  actor: Actor,
  who: CaseActor,
  input: CaseStepInput,
): Promise<CaseStepResult> {
  const before = await trx
    .selectFrom('criminal_cases')
    .selectAll()
    .where('id', '=', input.id)
    .forUpdate()
    .executeTakeFirstOrThrow()
  if (before.version !== input.version) return { ok: false, conflict: true }
  const suspects = await trx
    .selectFrom('case_suspects')
    .select(['verdict', 'overturned_on'])
    .where('case_id', '=', input.id)
    .execute()
  const step = caseTransition(
    before.stage as CaseStage,
    input.action,
    who,
    before.district as District,
    caseFactsOf(suspects),
  )
  if (!step.ok) return { ok: false, conflict: false, reason: step.reason }
  if (input.on_date < before.stage_since)
    return {
      ok: false,
      field: 'on_date',
      message: `The date cannot be before the case reached its present stage, on ${formatDate(before.stage_since)}`,
    }
  const after = await trx
    .updateTable('criminal_cases')
    .set({
      stage: step.to,
      stage_since: input.on_date,
      version: before.version + 1,
      ...(input.action === 'charge'
        ? { court: input.court, court_case_number: input.court_case_number, charged_on: input.on_date }
        : {}),
      ...(step.to === 'closed' ? { closed_reason: input.reason } : {}),
    })
    .where('id', '=', input.id)
    .returningAll()
    .executeTakeFirstOrThrow()
  await trx
    .insertInto('criminal_case_events')
    .values({
      case_id: input.id,
      action: input.action,
      from_stage: before.stage,
      to_stage: step.to,
      on_date: input.on_date,
      reason: input.reason ?? null,
      actor_id: actor.id,
      actor_label: actor.label,
    })
    .execute()
  await writeAudit(trx, actor, {
    action: `criminal_case.${input.action}`,
    entity: 'criminal_case',
    entityId: input.id,
    before,
    after,
  })
  return { ok: true }
}

/** A complaint referred to the police, or an inspection that opened an investigation: what a case is opened from. */
export interface CaseSource {
  kind: 'complaint' | 'inspection'
  id: string
  /** "Complaint RR-…" or "Inspection of … on …". */
  label: string
  href: string
  /** The police case number as it was typed there. */
  typedNumber: string
  district: District | null
  /** The day the offence came to light there (the complaint received, the inspection made). */
  reportedOn: string
  /** A case already opened from it. */
  openedCase: { id: string; station: string; case_number: number; case_year: number } | null
}

/** The source named by a new case's form, or null when there is none such (or it went to no police). */
export async function caseSource(
  db: Database,
  named: { complaint?: string | undefined; inspection?: string | undefined },
): Promise<CaseSource | null> {
  if (named.complaint) {
    const found = await db
      .selectFrom('complaints')
      .select([
        'id',
        'reference',
        'district',
        'police_case_number',
        sql<string>`${lesothoDateOf('created_at')}::text`.as('received_on'),
      ])
      .where('id', '=', named.complaint)
      .where('police_case_number', 'is not', null)
      .executeTakeFirst()
    if (!found) return null
    return {
      kind: 'complaint',
      id: found.id,
      label: `Complaint ${found.reference}`,
      href: `/complaints/${found.id}`,
      typedNumber: found.police_case_number!,
      district: found.district,
      reportedOn: found.received_on,
      openedCase: await caseOpenedFrom(db, 'complaint_id', found.id),
    }
  }
  if (named.inspection) {
    const found = await db
      .selectFrom('inspections')
      .innerJoin('worksites', 'worksites.id', 'inspections.worksite_id')
      .select([
        'inspections.id',
        'worksites.name',
        'worksites.district',
        'inspections.police_case_number',
        sql<string>`${lesothoDateOf('inspections.visited_at')}::text`.as('visited_on'),
      ])
      .where('inspections.id', '=', named.inspection)
      .where('inspections.outcome', '=', 'criminal_investigation')
      .where('inspections.submitted_at', 'is not', null)
      .where('inspections.police_case_number', 'is not', null)
      .executeTakeFirst()
    if (!found) return null
    return {
      kind: 'inspection',
      id: found.id,
      label: `Inspection of ${found.name} on ${formatDate(found.visited_on)}`,
      href: `/inspections/${found.id}`,
      typedNumber: found.police_case_number!,
      district: found.district,
      reportedOn: found.visited_on,
      openedCase: await caseOpenedFrom(db, 'inspection_id', found.id),
    }
  }
  return null
}

function caseOpenedFrom(db: Database, column: 'complaint_id' | 'inspection_id', id: string) {
  return db
    .selectFrom('criminal_cases')
    .select(['id', 'station', 'case_number', 'case_year'])
    .where(column, '=', id)
    .orderBy('created_at')
    .executeTakeFirst()
    .then((found) => found ?? null)
}

/** The cases opened from a complaint or an inspection, for its page. */
export function casesOpenedFrom(db: Database, column: 'complaint_id' | 'inspection_id', id: string) {
  return db
    .selectFrom('criminal_cases')
    .select(['id', 'station', 'case_number', 'case_year', 'stage'])
    .where(column, '=', id)
    .orderBy('created_at')
    .execute()
}

/**
 * The cases waiting for someone, for their home page, oldest in its stage first: a
 * prosecutor's are those sent to the DPP and not yet charged; a police officer's, the open
 * investigations of their district (the ones they may take forward).
 */
export async function casesWaitingFor(
  db: Database,
  user: { id: string; role: string; homeDistrict: District },
  today: string,
) {
  if (user.role !== 'prosecutor' && user.role !== 'police_officer') return null
  const waiting = db
    .selectFrom('criminal_cases')
    .$if(user.role === 'prosecutor', (q) => q.where('stage', '=', 'sent_to_dpp'))
    .$if(user.role === 'police_officer', (q) =>
      q.where('stage', '=', 'under_investigation').where('district', '=', user.homeDistrict),
    )
  const [rows, counted] = await Promise.all([
    waiting
      .select([
        'id',
        'station',
        'case_number',
        'case_year',
        'district',
        'stage_since',
        sql<number>`(${today}::date - stage_since)`.as('days_in_stage'),
      ])
      .orderBy('stage_since')
      .orderBy('id')
      .limit(20)
      .execute(),
    waiting.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ])
  return {
    rows,
    total: counted.n,
    stage: user.role === 'prosecutor' ? 'sent_to_dpp' : 'under_investigation',
    district: user.role === 'prosecutor' ? null : user.homeDistrict,
  }
}
export type CasesWaiting = NonNullable<Awaited<ReturnType<typeof casesWaitingFor>>>

/**
 * What the registry has referred to the police and no case names yet, newest first: complaints
 * referred by the licensing office and inspections that opened an investigation. Only what the
 * police need to find their docket: no complainant's contact, no description.
 */
export async function referralsWithoutCase(db: Database) {
  const [complaints, inspections] = await Promise.all([
    db
      .selectFrom('complaints')
      .select([
        'id',
        'reference',
        'district',
        'police_case_number',
        sql<string>`${lesothoDateOf('created_at')}::text`.as('on_date'),
      ])
      .where('police_case_number', 'is not', null)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('criminal_cases')
              .select(sql`1`.as('one'))
              .whereRef('complaint_id', '=', 'complaints.id'),
          ),
        ),
      )
      .orderBy('created_at', 'desc')
      .limit(20)
      .execute(),
    db
      .selectFrom('inspections')
      .innerJoin('worksites', 'worksites.id', 'inspections.worksite_id')
      .select([
        'inspections.id',
        'worksites.name',
        'worksites.district',
        'inspections.police_case_number',
        sql<string>`${lesothoDateOf('inspections.visited_at')}::text`.as('on_date'),
      ])
      .where('inspections.outcome', '=', 'criminal_investigation')
      .where('inspections.submitted_at', 'is not', null)
      .where('inspections.police_case_number', 'is not', null)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('criminal_cases')
              .select(sql`1`.as('one'))
              .whereRef('criminal_cases.inspection_id', '=', 'inspections.id'),
          ),
        ),
      )
      .orderBy('inspections.visited_at', 'desc')
      .limit(20)
      .execute(),
  ])
  return { complaints, inspections }
}
export type Referrals = Awaited<ReturnType<typeof referralsWithoutCase>>
