import type { Role } from '../vocabulary.js'

// The figures and exports are for those who account for the registry's work: analysts, the
// licensing office and administrators. Inspectors and police see records, not national totals.
export const REPORT_READERS: Role[] = ['analyst', 'licensing_officer', 'admin']
