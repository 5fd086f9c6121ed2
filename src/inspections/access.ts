import type { Role } from '../vocabulary.js'

// Labour inspectors and police officers record joint inspections (administrators may too);
// every staff role reads them: licensing officers act on the findings, analysts count.
export const INSPECTION_WRITERS: Role[] = ['inspector', 'police_officer', 'admin']

// Photos are evidence about people: the field teams and those who act on findings see them,
// analysts (who count) do not.
export const PHOTO_READERS: Role[] = [
  'inspector',
  'police_officer',
  'admin',
  'licensing_officer',
  'licensing_manager',
]
