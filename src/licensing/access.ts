import { ALL_STAFF } from '../auth/guard.js'
import type { SessionUser } from '../http/env.js'
import type { Role } from '../vocabulary.js'

// Licensing officers and administrators change the register; every other staff role reads it.
export const LICENSING_WRITERS: Role[] = ['licensing_officer', 'admin']
export const LICENSING_READERS: Role[] = ALL_STAFF

/**
 * Who may read the national ID and passport numbers of an agency's principal and directors: the
 * licensing office (it checks them) and the police (they investigate). Not every staff role: an
 * inspector or an analyst sees the names only.
 */
export const AGENCY_ID_NUMBER_READERS: Role[] = ['licensing_officer', 'admin', 'police_officer']

export function canReadIdNumbers(user: SessionUser | null): boolean {
  return user !== null && AGENCY_ID_NUMBER_READERS.includes(user.role)
}

export function canWriteLicensing(user: SessionUser | null): boolean {
  return user !== null && LICENSING_WRITERS.includes(user.role)
}
