import { ALL_STAFF } from '../src/auth/guard.js'
import { CASE_READERS } from '../src/cases/access.js'
import { REPORT_READERS } from '../src/reports/access.js'
import type { Role } from '../src/vocabulary.js'

export interface NavItem {
  href: string
  label: string
  roles: readonly Role[]
}

// Staff navigation: each feature adds its entries here, with the roles that may use them.
export const STAFF_NAV: NavItem[] = [
  {
    href: '/staff',
    label: 'Home',
    roles: ALL_STAFF,
  },
  {
    href: '/agencies',
    label: 'Agencies',
    roles: ALL_STAFF,
  },
  {
    href: '/licensing',
    label: 'Licensing',
    roles: ALL_STAFF,
  },
  {
    href: '/worksites',
    label: 'Worksites',
    roles: ALL_STAFF,
  },
  { href: '/inspections/due', label: 'Due for inspection', roles: ['admin', 'inspector', 'police_officer'] },
  { href: '/complaints', label: 'Complaints', roles: ['admin', 'licensing_officer'] },
  { href: '/job-offers', label: 'Job offers', roles: ['admin', 'licensing_officer'] },
  { href: '/appeals', label: 'Appeals', roles: ['licensing_manager', 'licensing_officer', 'admin'] },
  { href: '/cases', label: 'Criminal cases', roles: CASE_READERS },
  { href: '/dashboard', label: 'Dashboard', roles: REPORT_READERS },
  { href: '/unlicensed-recruiters', label: 'Unlicensed recruiters', roles: ['police_officer'] },
  { href: '/focal-points', label: 'Focal points', roles: ALL_STAFF },
  { href: '/admin/users', label: 'Users', roles: ['admin'] },
  { href: '/admin/audit', label: 'Audit log', roles: ['admin'] },
]
