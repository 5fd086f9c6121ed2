import { type Actor, writeAudit } from '../audit/audit.js'
import { type ComplaintCategory, pointsForFinding } from '../complaints/rules.js'
import type { Database } from '../db/database.js'

// What an inspection found against an agency waits, internal, until a licensing officer
// substantiates it (it then counts like a substantiated complaint: flags and demerit points)
// or dismisses it.

/** An agency's findings waiting for a decision, oldest visit first. */
export function unreviewedFindingsOf(db: Database, agencyId: string) {
  return db
    .selectFrom('inspection_findings')
    .innerJoin('inspections', 'inspections.id', 'inspection_findings.inspection_id')
    .innerJoin('worksites', 'worksites.id', 'inspections.worksite_id')
    .select([
      'inspection_findings.id',
      'inspection_findings.version',
      'inspection_findings.categories',
      'inspection_findings.indicators',
      'inspection_findings.fee_reported',
      'inspection_findings.inspection_id',
      'inspections.visited_at',
      'worksites.name as worksite_name',
    ])
    .where('inspection_findings.agency_id', '=', agencyId)
    .where('inspection_findings.status', '=', 'unreviewed')
    .orderBy('inspections.visited_at')
    .execute()
}
export type UnreviewedFinding = Awaited<ReturnType<typeof unreviewedFindingsOf>>[number]

export function findingById(db: Database, id: string) {
  return db.selectFrom('inspection_findings').selectAll().where('id', '=', id).executeTakeFirst()
}

/**
 * Records the decision if the finding is still unreviewed at the version the officer saw;
 * false otherwise (someone decided first). Proven categories fix the points, as for complaints.
 */
export async function decideFinding(
  trx: Database,
  actor: Actor,
  id: string,
  version: number,
  input: { outcome: 'substantiated' | 'dismissed'; proven: ComplaintCategory[]; reason: string },
): Promise<boolean> {
  const proven = input.outcome === 'substantiated' ? [...new Set(input.proven)] : []
  const decided = await trx
    .updateTable('inspection_findings')
    .set({
      status: input.outcome,
      proven_categories: proven,
      demerit_points: pointsForFinding(proven),
      reason: input.reason,
      decided_at: new Date(),
      decided_by: actor.id,
      version: (eb) => eb('version', '+', 1),
    })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('status', '=', 'unreviewed')
    .returningAll()
    .executeTakeFirst()
  if (!decided) return false
  await writeAudit(trx, actor, {
    action: `inspection_finding.${input.outcome}`,
    entity: 'agency',
    entityId: decided.agency_id,
    after: {
      finding: id,
      inspection: decided.inspection_id,
      proven,
      points: decided.demerit_points,
      reason: input.reason,
    },
  })
  return true
}
