import { ALL_STAFF } from '../auth/guard.js'
import type { SessionUser } from '../http/env.js'
import type { Role } from '../vocabulary.js'

// Labour inspectors keep the worksite register (and administrators may correct it); every
// staff role reads it: police plan joint operations from it, licensing officers see where an
// agency's workers end up, analysts count.
export const WORKSITE_WRITERS: Role[] = ['inspector', 'admin']
export const WORKSITE_READERS: Role[] = ALL_STAFF

export function canWriteWorksites(user: SessionUser | null): boolean {
  return user !== null && WORKSITE_WRITERS.includes(user.role)
}

// Worksites added twice are merged by those who meet them: inspectors, and licensing officers
// who see where an agency's workers end up.
export const WORKSITE_MERGERS: Role[] = ['inspector', 'licensing_officer', 'admin']
