import { sql } from 'kysely'
import { type Actor, writeAudit } from '../audit/audit.js'
import type { Database } from '../db/database.js'
import { refreshWorksiteFacts } from '../inspections/worksite-facts.js'
import type { District } from '../vocabulary.js'
import { duplicateReasons, SAME_PLACE_METRES, type SiteFacts } from './duplicates.js'

// Worksites added twice: finding the likely duplicates, and merging one into the other. A merge
// moves the duplicate's inspections (with their findings, which belong to the inspections) to
// the survivor, works out both worksites' facts again, fills what the survivor lacks from the
// duplicate, and keeps the duplicate's row as a pointer to the survivor. One transaction.

export interface Candidate extends SiteFacts {
  id: string
  district: District
  operator: string | null
  inspections: number
  created_at: Date
  reasons: string[]
}

// About 500 m in degrees at Lesotho's latitude, for the box the index-free search reads.
const LATITUDE_DEGREES = SAME_PLACE_METRES / 111_000
const LONGITUDE_DEGREES = SAME_PLACE_METRES / 97_000

/** The worksites of the same district that look like this one: alike names or within 500 m. */
export async function likelyDuplicatesOf(
  db: Database,
  site: SiteFacts & { id: string; district: District },
): Promise<Candidate[]> {
  const { rows } = await sql<Omit<Candidate, 'reasons'> & { similarity: number }>`
    with found as (
      select id from worksites
      where merged_into_id is null and district = ${site.district} and id <> ${site.id}
        -- pg_trgm's %: similarity at least its threshold, 0.3 by default (ALIKE_NAMES).
        and lower(name) % lower(${site.name})
      union
      select id from worksites
      where merged_into_id is null and district = ${site.district} and id <> ${site.id}
        and ${site.latitude}::float8 is not null
        and latitude between ${site.latitude}::float8 - ${LATITUDE_DEGREES} and ${site.latitude}::float8 + ${LATITUDE_DEGREES}
        and longitude between ${site.longitude}::float8 - ${LONGITUDE_DEGREES} and ${site.longitude}::float8 + ${LONGITUDE_DEGREES}
    )
    select w.id, w.name, w.village, w.district, w.operator, w.latitude, w.longitude, w.created_at,
      similarity(lower(w.name), lower(${site.name}))::float8 as similarity,
      (select count(*)::int from inspections i where i.worksite_id = w.id and i.status = 'submitted') as inspections
    from found join worksites w on w.id = found.id
    order by similarity desc, w.name
    limit 20`.execute(db)
  return rows
    .map(({ similarity, ...w }) => ({ ...w, reasons: duplicateReasons(site, w, similarity) }))
    .filter((c) => c.reasons.length > 0)
}

/**
 * Worksites added lately (inspectors add farms on the spot, offline) that look like another one:
 * the merge screen's starting list, newest first.
 */
export async function recentLikelyDuplicates(db: Database, days = 365, limit = 50) {
  const recent = await db
    .selectFrom('worksites')
    .select(['id', 'name', 'village', 'district', 'operator', 'latitude', 'longitude', 'created_at'])
    .where('merged_into_id', 'is', null)
    .where('created_at', '>', new Date(Date.now() - days * 86_400_000))
    .orderBy('created_at', 'desc')
    .limit(200)
    .execute()
  const pairs: { site: (typeof recent)[number]; candidates: Candidate[] }[] = []
  const seen = new Set<string>()
  for (const site of recent) {
    if (pairs.length >= limit) break
    const candidates = (await likelyDuplicatesOf(db, site)).filter((c) => !seen.has(`${c.id}:${site.id}`))
    for (const c of candidates) seen.add(`${site.id}:${c.id}`)
    if (candidates.length > 0) pairs.push({ site, candidates })
  }
  return pairs
}

export type MergeResult = { merged: true; inspectionsMoved: number } | { stale: true } | { refused: string }

/** Merges the duplicate into the survivor, in the caller's transaction, audited. */
export async function mergeWorksite(
  trx: Database,
  actor: Actor & { id: string },
  input: { duplicateId: string; survivorId: string; duplicateVersion: number; reason: string },
): Promise<MergeResult> {
  if (input.duplicateId === input.survivorId) return { refused: 'A worksite cannot be merged into itself.' }
  // Both rows locked, in one order, so two merges of the same pair wait instead of deadlocking.
  const rows = await trx
    .selectFrom('worksites')
    .selectAll()
    .where('id', 'in', [input.duplicateId, input.survivorId])
    .orderBy('id')
    .forUpdate()
    .execute()
  const duplicate = rows.find((r) => r.id === input.duplicateId)
  const survivor = rows.find((r) => r.id === input.survivorId)
  if (!duplicate || duplicate.version !== input.duplicateVersion) return { stale: true }
  if (duplicate.merged_into_id) return { refused: 'This worksite has already been merged into another.' }
  if (!survivor) return { refused: 'The worksite to keep is not in the register.' }
  if (survivor.merged_into_id)
    return { refused: 'The worksite to keep has itself been merged into another: choose that one.' }

  const moved = await trx
    .updateTable('inspections')
    .set({ worksite_id: survivor.id })
    .where('worksite_id', '=', duplicate.id)
    .executeTakeFirst()
  // What the survivor lacks, the duplicate may have (the position taken on the spot).
  const filled = {
    operator: survivor.operator ?? duplicate.operator,
    latitude: survivor.latitude ?? (survivor.longitude === null ? duplicate.latitude : null),
    longitude: survivor.longitude ?? (survivor.latitude === null ? duplicate.longitude : null),
    approx_workers: survivor.approx_workers ?? duplicate.approx_workers,
  }
  await trx
    .updateTable('worksites')
    .set({ ...filled, version: (eb) => eb('version', '+', 1), updated_at: new Date() })
    .where('id', '=', survivor.id)
    .execute()
  await trx
    .updateTable('worksites')
    .set({
      merged_into_id: survivor.id,
      merged_at: new Date(),
      merged_by: actor.id,
      merge_reason: input.reason,
      last_inspected_at: null,
      indicators_observed: 0,
      indicators_suspected: 0,
      version: (eb) => eb('version', '+', 1),
      updated_at: new Date(),
    })
    .where('id', '=', duplicate.id)
    .execute()
  await trx.deleteFrom('worksite_recruiters').where('worksite_id', '=', duplicate.id).execute()
  await refreshWorksiteFacts(trx, survivor.id)
  const inspectionsMoved = Number(moved.numUpdatedRows)
  await writeAudit(trx, actor, {
    action: 'worksite.merged',
    entity: 'worksite',
    entityId: duplicate.id,
    before: { duplicate, survivor },
    after: {
      merged_into_id: survivor.id,
      merged_into_name: survivor.name,
      reason: input.reason,
      inspections_moved: inspectionsMoved,
      survivor_filled: Object.fromEntries(
        Object.entries(filled).filter(([k, v]) => v !== survivor[k as keyof typeof filled]),
      ),
    },
  })
  return { merged: true, inspectionsMoved }
}
