import { sql } from 'kysely'
import { type Actor, writeAudit } from '../audit/audit.js'
import { actorFor } from '../auth/accounts.js'
import type { Database } from '../db/database.js'
import type { User } from '../db/types.js'
import type { Role } from '../vocabulary.js'
import {
  confirmationRefusal,
  confirmingService,
  isOnTheTeam,
  type Service,
  serviceOf,
  teamFor,
} from './confirmation-rules.js'

// Confirming a submitted inspection by the other service on the team: on the confirming
// officer's own account, or by their password on the device that recorded it (checked under the
// sign-in throttle by the route; it opens no session). One confirmation per version of the
// record; an amendment makes a new version, which asks for it again.

export interface Confirmation {
  version: number
  current: boolean
  confirmedAt: Date
  recordName: string
  recordService: Service
  confirmerName: string
  confirmerService: Service
  method: 'own_account' | 'password_on_device'
}

/** The latest confirmation of an inspection, with names, and whether the record still stands so. */
export async function latestConfirmation(db: Database, inspectionId: string): Promise<Confirmation | null> {
  const row = await db
    .selectFrom('inspection_confirmations as c')
    .innerJoin('inspections as i', 'i.id', 'c.inspection_id')
    .innerJoin('users as r', 'r.id', 'c.record_user_id')
    .innerJoin('users as p', 'p.id', 'c.confirmed_by')
    .select([
      'c.inspection_version',
      'i.version',
      'c.confirmed_at',
      'r.name as record_name',
      'c.record_service',
      'p.name as confirmer_name',
      'c.confirmed_service',
      'c.method',
    ])
    .where('c.inspection_id', '=', inspectionId)
    .orderBy('c.inspection_version', 'desc')
    .limit(1)
    .executeTakeFirst()
  if (!row) return null
  return {
    version: row.inspection_version,
    current: row.inspection_version === row.version,
    confirmedAt: row.confirmed_at,
    recordName: row.record_name,
    recordService: row.record_service,
    confirmerName: row.confirmer_name,
    confirmerService: row.confirmed_service,
    method: row.method,
  }
}

/** Who vouches for the record as it stands: whoever last amended it, or else submitted it. */
export async function recordSideOf(trx: Database, inspectionId: string) {
  const { rows } = await sql<{ id: string; name: string; role: Role }>`
    select u.id, u.name, u.role from users u
    where u.id = coalesce(
      (select amended_by from inspection_amendments where inspection_id = ${inspectionId}
        order by amended_at desc limit 1),
      (select submitted_by from inspections where id = ${inspectionId}))`.execute(trx)
  return rows[0] ?? null
}

export type ConfirmResult = { confirmed: true } | { stale: true } | { already: true } | { refused: string }

/**
 * Records the confirmation in the caller's transaction, audited as the confirming officer's act.
 * `onDeviceOf` is the person signed in on the device where the password was given.
 */
export async function confirmInspection(
  trx: Database,
  input: {
    inspectionId: string
    version: number
    confirmer: Pick<User, 'id' | 'name' | 'email' | 'role' | 'active'>
    onDeviceOf: Actor | null
    clientAddress: string | null
  },
): Promise<ConfirmResult> {
  const inspection = await trx
    .selectFrom('inspections')
    .select(['id', 'status', 'version', 'confirmed_version', 'police_officers', 'lead_inspector'])
    .where('id', '=', input.inspectionId)
    .forUpdate()
    .executeTakeFirst()
  if (!inspection || inspection.version !== input.version) return { stale: true }
  if (inspection.status === 'submitted' && inspection.confirmed_version === inspection.version)
    return { already: true }
  const side = await recordSideOf(trx, inspection.id)
  const refusal = confirmationRefusal({
    status: inspection.status,
    // A record whose submitter is gone cannot say which service it came from.
    recordRole: side?.role ?? 'analyst',
    confirmed: inspection.confirmed_version === inspection.version,
    confirmerRole: input.confirmer.role,
    confirmerActive: input.confirmer.active,
    confirmerName: input.confirmer.name,
    team: side ? teamFor(side.role, inspection) : [],
  })
  if (refusal || !side) return { refused: refusal ?? 'This record cannot be confirmed.' }
  const method = input.onDeviceOf ? ('password_on_device' as const) : ('own_account' as const)
  await trx
    .insertInto('inspection_confirmations')
    .values({
      inspection_id: inspection.id,
      inspection_version: inspection.version,
      record_user_id: side.id,
      record_service: serviceOf(side.role)!,
      confirmed_by: input.confirmer.id,
      confirmed_service: serviceOf(input.confirmer.role)!,
      method,
      on_device_of: input.onDeviceOf?.id ?? null,
    })
    .execute()
  await trx
    .updateTable('inspections')
    .set({ confirmed_version: inspection.version })
    .where('id', '=', inspection.id)
    .execute()
  await writeAudit(trx, actorFor(input.confirmer, { clientAddress: input.clientAddress }), {
    action: 'inspection.confirmed',
    entity: 'inspection',
    entityId: inspection.id,
    after: {
      version: inspection.version,
      record_by: side.name,
      service: serviceOf(input.confirmer.role),
      method,
      on_device_of: input.onDeviceOf?.label ?? null,
    },
  })
  return { confirmed: true }
}

/**
 * Records of the last 60 days, in any district, that name the officer on the team and
 * wait for their confirmation, newest first: what a police officer (or an inspector, for a
 * police officer's record) finds on their home page.
 */
export async function awaitingConfirmationBy(db: Database, officer: { name: string; role: Role }) {
  const own = serviceOf(officer.role)
  if (!own) return []
  const recordRole: Role = own === 'police' ? 'inspector' : 'police_officer'
  const { rows } = await sql<{
    id: string
    visited_at: Date
    worksite_name: string
    police_officers: { name: string }[]
    lead_inspector: string
  }>`
    select i.id, i.visited_at, w.name as worksite_name, i.police_officers, i.lead_inspector
    from inspections i
      join worksites w on w.id = i.worksite_id
      join users u on u.id = i.submitted_by
    where i.status = 'submitted' and i.confirmed_version is distinct from i.version
      and i.visited_at > now() - interval '60 days'
      and u.role = ${recordRole}
    order by i.visited_at desc
    limit 500`.execute(db)
  return rows
    .filter((r) => confirmingService(recordRole) === own && isOnTheTeam(officer.name, teamFor(recordRole, r)))
    .slice(0, 20)
}
