// The registry's shared vocabularies (DESIGN.md). Code, database and UI use these names.

export const DISTRICTS = [
  'Berea',
  'Butha-Buthe',
  'Leribe',
  'Mafeteng',
  'Maseru',
  "Mohale's Hoek",
  'Mokhotlong',
  "Qacha's Nek",
  'Quthing',
  'Thaba-Tseka',
] as const
export type District = (typeof DISTRICTS)[number]

export const ROLES = [
  'admin',
  'licensing_officer',
  'licensing_manager',
  'inspector',
  'police_officer',
  'analyst',
  'prosecutor',
] as const
export type Role = (typeof ROLES)[number]

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'System administrator',
  licensing_officer: 'Licensing officer',
  licensing_manager: 'Licensing manager',
  inspector: 'Labour inspector',
  police_officer: 'Police officer',
  analyst: 'Analyst',
  prosecutor: 'Prosecutor (Office of the Director of Public Prosecutions)',
}

export const SECTORS = [
  'agriculture',
  'manufacturing',
  'mining',
  'construction',
  'domestic_work',
  'hospitality',
  'security_services',
  'other',
] as const
export type Sector = (typeof SECTORS)[number]

// One English wording for sectors, on staff pages and the public ones (the message catalogue
// takes it; Sesotho has its own there).
export const SECTOR_LABELS: Record<Sector, string> = {
  agriculture: 'Agriculture',
  manufacturing: 'Manufacturing (textiles and garments)',
  mining: 'Mining',
  construction: 'Construction',
  domestic_work: 'Domestic work',
  hospitality: 'Hospitality',
  security_services: 'Security services',
  other: 'Other',
}

export const WORKSITE_KINDS = [
  'factory',
  'farm',
  'mine',
  'construction_site',
  'private_household',
  'other',
] as const
export type WorksiteKind = (typeof WORKSITE_KINDS)[number]

export const WORKSITE_KIND_LABELS: Record<WorksiteKind, string> = {
  factory: 'Factory',
  farm: 'Farm',
  mine: 'Mine',
  construction_site: 'Construction site',
  private_household: 'Private household',
  other: 'Other',
}
