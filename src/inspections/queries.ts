import { type Actor, writeAudit } from '../audit/audit.js'
import type { Database } from '../db/database.js'
import type { District } from '../vocabulary.js'
import { photosOf } from './photos.js'

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
  const [indicators, recruiters, referrals, followUps, findings, amendments, photos] = await Promise.all([
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
    photosOf(db, id),
  ])
  return { inspection, indicators, recruiters, referrals, followUps, findings, amendments, photos }
}
export type InspectionDetails = NonNullable<Awaited<ReturnType<typeof inspectionDetails>>>

/** A worksite's inspections, newest first: the submitted ones, and the viewer's own drafts. */
export function inspectionsOfWorksite(db: Database, worksiteId: string, viewerId: string) {
  return db
    .selectFrom('inspections')
    .select(['id', 'visited_at', 'type', 'status', 'outcome', 'lead_inspector'])
    .where('worksite_id', '=', worksiteId)
    .where((eb) => eb.or([eb('status', '=', 'submitted'), eb('recorded_by', '=', viewerId)]))
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
