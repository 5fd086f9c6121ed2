import { ALL_STAFF } from '../auth/guard.js'
import type { SessionUser } from '../http/env.js'
import type { Role } from '../vocabulary.js'

// Licensing officers and administrators change the register; every other staff role reads it.
export const LICENSING_WRITERS: Role[] = ['licensing_officer', 'admin']
export const LICENSING_READERS: Role[] = ALL_STAFF

export function canWriteLicensing(user: SessionUser | null): boolean {
  return user !== null && LICENSING_WRITERS.includes(user.role)
}
