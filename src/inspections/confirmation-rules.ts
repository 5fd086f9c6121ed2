import type { Role } from '../vocabulary.js'

// A joint inspection counts as confirmed by both services when the record (as it now stands)
// was submitted by one service and confirmed by an officer of the other: a labour inspector's
// record by a police officer, a police officer's record by a labour inspector. Pure rules.

export const SERVICES = ['labour', 'police'] as const
export type Service = (typeof SERVICES)[number]

export const SERVICE_LABELS: Record<Service, string> = { labour: 'labour', police: 'police' }

export function serviceOf(role: Role): Service | null {
  return role === 'inspector' ? 'labour' : role === 'police_officer' ? 'police' : null
}

/** Which service confirms a record submitted (or last amended) by someone in this role. */
export function confirmingService(recordRole: Role): Service | null {
  const own = serviceOf(recordRole)
  return own === 'labour' ? 'police' : own === 'police' ? 'labour' : null
}

export interface ConfirmationCase {
  status: 'draft' | 'submitted'
  /** The role of whoever submitted or last amended the record. */
  recordRole: Role
  /** The record as it stands is already confirmed. */
  confirmed: boolean
  confirmerRole: Role
  confirmerActive: boolean
}

/** Why this person cannot confirm this record now, or null when they can. */
export function confirmationRefusal(c: ConfirmationCase): string | null {
  if (c.status !== 'submitted') return 'Only a submitted record can be confirmed: submit it first.'
  if (c.confirmed) return 'This record has already been confirmed by both services, as it now stands.'
  const needed = confirmingService(c.recordRole)
  if (!needed)
    return 'This record was submitted by neither a labour inspector nor a police officer, so it cannot be confirmed by both services.'
  if (!c.confirmerActive) return 'This account has been deactivated.'
  if (serviceOf(c.confirmerRole) !== needed)
    return needed === 'police'
      ? 'A labour inspector submitted this record: a police officer on the team must confirm it, with their own account.'
      : 'A police officer submitted this record: a labour inspector on the team must confirm it, with their own account.'
  return null
}
