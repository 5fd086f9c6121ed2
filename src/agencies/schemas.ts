import { z } from 'zod'
import { pageParam } from '../http/pagination.js'
import { blankToUndefined, listFilter } from '../http/validation.js'
import { DISTRICTS, SECTORS } from '../vocabulary.js'
import { COUNTRY_CODES } from './countries.js'

const asArray = (v: unknown) => (v === undefined ? [] : Array.isArray(v) ? v : [v])
const text = (max: number, empty: string) =>
  z.string().trim().min(1, empty).max(max, `Must be ${max} characters or fewer`)
const optionalText = (max: number) =>
  z.preprocess(blankToUndefined, z.string().trim().max(max, `Must be ${max} characters or fewer`).optional())

/** "ab 123-45" and "AB12345" are the same document number. */
export function idNumberKey(value: string): string {
  return value.toUpperCase().replace(/[^A-Z0-9]/g, '')
}

export interface PersonInput {
  role: 'principal' | 'director'
  name: string
  id_number: string
}

/**
 * The principal and directors arrive as parallel lists (`person_role[]`, `person_name[]`,
 * `person_id_number[]`) so the form works without JavaScript; blank rows are ignored.
 */
const peopleField = z
  .object({
    roles: z.array(z.string()),
    names: z.array(z.string().max(120, 'Names must be 120 characters or fewer')),
    ids: z.array(z.string().max(40, 'ID numbers must be 40 characters or fewer')),
  })
  .transform((v, ctx) => {
    const people: PersonInput[] = []
    const rows = Math.max(v.roles.length, v.names.length, v.ids.length)
    for (let i = 0; i < rows; i++) {
      const name = (v.names[i] ?? '').trim()
      const id = (v.ids[i] ?? '').trim()
      if (!name && !id) continue
      if (!name || !id) {
        ctx.addIssue({
          code: 'custom',
          message: `Person ${i + 1}: enter both the name and the ID or passport number`,
        })
        return z.NEVER
      }
      if (idNumberKey(id).length < 5) {
        ctx.addIssue({
          code: 'custom',
          message: `Person ${i + 1}: the ID or passport number looks too short`,
        })
        return z.NEVER
      }
      people.push({ role: v.roles[i] === 'principal' ? 'principal' : 'director', name, id_number: id })
    }
    if (!people.some((p) => p.role === 'principal')) {
      ctx.addIssue({ code: 'custom', message: 'Enter the principal: their name and ID or passport number' })
      return z.NEVER
    }
    return people
  })

export const agencySchema = z
  .object({
    legal_name: text(200, 'Enter the legal name'),
    trading_names: z
      .string()
      .max(2000, 'Trading names must be 2000 characters or fewer')
      .optional()
      .transform((v) =>
        (v ?? '')
          .split(/\r?\n/)
          .map((n) => n.trim())
          .filter(Boolean),
      )
      .pipe(
        z
          .array(z.string().max(200, 'Each trading name must be 200 characters or fewer'))
          .max(20, 'At most 20 trading names'),
      ),
    registration_number: text(40, 'Enter the company registration number'),
    district: z.enum(DISTRICTS, { error: 'Select the district' }),
    physical_address: text(300, 'Enter the physical address'),
    phone: optionalText(40),
    email: z.preprocess(
      blankToUndefined,
      z.email('Enter an email address like office@agency.co.ls').max(254).optional(),
    ),
    sectors: z.preprocess(
      asArray,
      z
        .array(z.enum(SECTORS, { error: 'Select sectors from the list' }))
        .min(1, 'Select at least one sector'),
    ),
    destination_countries: z.preprocess(
      asArray,
      z
        .array(z.string().refine((c) => COUNTRY_CODES.has(c), 'Select countries from the list'))
        .min(1, 'Select at least one destination country'),
    ),
    notes: optionalText(4000),
    person_role: z.preprocess(asArray, z.array(z.string())),
    person_name: z.preprocess(asArray, z.array(z.string())),
    person_id_number: z.preprocess(asArray, z.array(z.string())),
    // Set once the officer has seen the possible duplicates and still wants to save.
    // The ids of the possible duplicates the officer was shown, comma-separated.
    duplicates_seen: optionalText(2000),
    phoenix_reason: optionalText(1000),
    version: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).optional()),
  })
  .transform((v, ctx) => {
    const people = peopleField.safeParse({
      roles: v.person_role,
      names: v.person_name,
      ids: v.person_id_number,
    })
    if (!people.success) {
      ctx.addIssue({
        code: 'custom',
        path: ['people'],
        message: people.error.issues[0]?.message ?? 'Check the people',
      })
      return z.NEVER
    }
    const { person_role: _r, person_name: _n, person_id_number: _i, ...rest } = v
    return {
      ...rest,
      people: people.data,
      sectors: [...new Set(v.sectors)],
      destination_countries: orderCountries(v.destination_countries),
    }
  })

export type AgencyInput = z.output<typeof agencySchema>

function orderCountries(codes: string[]): string[] {
  const unique = [...new Set(codes)]
  return unique.sort((a, b) => (a === 'ZA' ? -1 : b === 'ZA' ? 1 : a.localeCompare(b)))
}

export const STANDING_FILTERS = [
  'licensed',
  'pending',
  'suspended',
  'revoked',
  'surrendered',
  'expired',
  'not_licensed',
] as const
export const AGENCY_SORTS = ['relevance', 'name', 'district', 'expiry', 'newest', 'points'] as const

export const agencyFiltersSchema = z.object({
  q: z.preprocess(
    blankToUndefined,
    z.string().trim().max(100, 'Search must be 100 characters or fewer').optional(),
  ),
  district: listFilter(DISTRICTS, 'a district'),
  sector: listFilter(SECTORS, 'a sector'),
  standing: listFilter(STANDING_FILTERS, 'a status'),
  sort: z.preprocess(blankToUndefined, z.enum(AGENCY_SORTS, { error: 'Select a sort order' }).optional()),
  page: pageParam,
})
export type AgencyFilters = z.output<typeof agencyFiltersSchema>

export const agencyIdParam = z.object({ id: z.uuid() })
