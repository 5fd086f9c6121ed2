import { type Actor, writeAudit } from '../audit/audit.js'
import type { Database } from '../db/database.js'
import type { District } from '../vocabulary.js'
import type { FocalPointInput } from './schemas.js'
import type { FocalService } from './services.js'

// A district's focal points, kept by administrators; each change audited.

export function focalPoints(db: Database, district?: District) {
  return db
    .selectFrom('focal_points')
    .select(['id', 'district', 'service', 'office', 'phone', 'address', 'hours', 'version', 'updated_at'])
    .$if(district !== undefined, (q) => q.where('district', '=', district!))
    .orderBy('district')
    .orderBy('service')
    .execute()
}
export type FocalPoint = Awaited<ReturnType<typeof focalPoints>>[number]

export function focalPointOf(db: Database, district: District, service: FocalService) {
  return db
    .selectFrom('focal_points')
    .selectAll()
    .where('district', '=', district)
    .where('service', '=', service)
    .executeTakeFirst()
}

/**
 * Records a district's focal point for a service, or changes it at the version the
 * administrator saw (false: someone changed it first, or added one meanwhile).
 */
export async function saveFocalPoint(
  trx: Database,
  actor: Actor,
  place: { district: District; service: FocalService },
  input: FocalPointInput,
): Promise<boolean> {
  const before = await trx
    .selectFrom('focal_points')
    .selectAll()
    .where('district', '=', place.district)
    .where('service', '=', place.service)
    .forUpdate()
    .executeTakeFirst()
  if ((before?.version ?? 0) !== input.version) return false
  const values = {
    office: input.office,
    phone: input.phone,
    address: input.address,
    hours: input.hours ?? null,
    updated_by: actor.id,
    updated_at: new Date(),
  }
  const after = before
    ? await trx
        .updateTable('focal_points')
        .set({ ...values, version: before.version + 1 })
        .where('id', '=', before.id)
        .returningAll()
        .executeTakeFirstOrThrow()
    : await trx
        .insertInto('focal_points')
        .values({ ...place, ...values })
        .onConflict((oc) => oc.columns(['district', 'service']).doNothing())
        .returningAll()
        .executeTakeFirst()
  if (!after) return false
  await writeAudit(trx, actor, {
    action: before ? 'focal_point.changed' : 'focal_point.added',
    entity: 'focal_point',
    entityId: after.id,
    ...(before ? { before } : {}),
    after,
  })
  return true
}

export async function removeFocalPoint(
  trx: Database,
  actor: Actor,
  place: { district: District; service: FocalService },
  version: number,
): Promise<boolean> {
  const before = await trx
    .selectFrom('focal_points')
    .selectAll()
    .where('district', '=', place.district)
    .where('service', '=', place.service)
    .forUpdate()
    .executeTakeFirst()
  if (!before || before.version !== version) return false
  await trx.deleteFrom('focal_points').where('id', '=', before.id).execute()
  await writeAudit(trx, actor, {
    action: 'focal_point.removed',
    entity: 'focal_point',
    entityId: before.id,
    before,
  })
  return true
}
